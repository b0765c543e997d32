// The playground route, loaded on demand so the model, the store's engine and the panels stay out of
// the first page's JavaScript.
import { lazy, Suspense } from 'react';

const PlaygroundPage = lazy(() => import('./PlaygroundPage'));

/** The playground page, with a heading while its code loads. */
export function Playground() {
  return (
    <Suspense
      fallback={
        <main id="main" className="page" tabIndex={-1}>
          <h1>Playground</h1>
          <p role="status">Loading the playground…</p>
        </main>
      }
    >
      <PlaygroundPage />
    </Suspense>
  );
}
