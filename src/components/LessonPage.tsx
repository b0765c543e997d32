// The lesson route: a light shell that loads the lesson view (step navigation, live panels, the
// store and the model engine) as its own chunk, so the home page stays small.
import { lazy, Suspense } from 'react';
import { lessonBySlug } from '../lessons/catalog';
import { NotFound } from './NotFound';
import { PresentationFrame } from './present/PresentationFrame';

const LessonView = lazy(() => import('./lesson/LessonView'));

export function LessonPage({ slug, step }: { slug: string; step: number }) {
  const info = lessonBySlug(slug);
  if (!info) return <NotFound path={`/learn/${slug}/${step}`} />;
  return (
    <PresentationFrame slug={slug} step={step}>
    <Suspense
      fallback={
        <main id="main" className="page" tabIndex={-1}>
          <h1>{info.title}</h1>
          <p role="status">Loading the lesson…</p>
        </main>
      }
    >
      <LessonView slug={slug} step={step} />
    </Suspense>
    </PresentationFrame>
  );
}
