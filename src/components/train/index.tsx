// Lazy entry points of the train playground: its page, its lesson panel and its embed load as their
// own chunk (trainer, tasks, plots), only when opened.
import { lazy, Suspense, type ComponentProps } from 'react';

const TrainPageLazy = lazy(() => import('./TrainPage'));
const TrainPanelLazy = lazy(() => import('./TrainPanel'));

const loading = <p role="status">Loading the trainer…</p>;

/** The playground's train mode page. */
export function TrainPage() {
  return (
    <Suspense fallback={<main id="main" className="page" tabIndex={-1}><h1>Train a transformer</h1>{loading}</main>}>
      <TrainPageLazy />
    </Suspense>
  );
}

/** Lesson panel `train`. */
export function TrainPanel(props: ComponentProps<typeof TrainPanelLazy>) {
  return (
    <Suspense fallback={loading}>
      <TrainPanelLazy {...props} />
    </Suspense>
  );
}
