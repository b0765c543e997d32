// The playground route, loaded on demand so the model, the store's engine and the panels stay out of
// the first page's JavaScript.
import { lazy, Suspense } from 'react';
import { TrainPage } from '../train';
import { ModeTabs } from '../train/ModeTabs';
import { useLocation } from '../useLocation';

const PlaygroundPage = lazy(() => import('./PlaygroundPage'));

/** The playground page, with a heading while its code loads. */
export function Playground() {
  const { params } = useLocation();
  if (params.get('mode') === 'train') return <TrainPage />; // the train mode (src/components/train)
  return (
    <Suspense
      fallback={
        <main id="main" className="page" tabIndex={-1}>
          <h1>Playground</h1>
          <p role="status">Loading the playground…</p>
        </main>
      }
    >
      <ModeTabs current="explore" />
      <PlaygroundPage />
    </Suspense>
  );
}
