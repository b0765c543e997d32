// The gallery route, loaded lazily (its fixtures and panels stay out of the initial bundle).
import { lazy, Suspense } from 'react';

const GalleryPage = lazy(() => import('./GalleryPage'));

/** #/gallery: every panel with fixture data. */
export function LazyGalleryPage() {
  return (
    <Suspense
      fallback={
        <main id="main" className="page" tabIndex={-1}>
          <h1>Gallery</h1>
          <p>Loading the panels…</p>
        </main>
      }
    >
      <GalleryPage />
    </Suspense>
  );
}
