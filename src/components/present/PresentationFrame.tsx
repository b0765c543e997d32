// Wraps the lesson page: with `?mode=present` it shows the presentation (one step per slide, no
// chrome), with `?mode=speaker` the speaker window, with `?mode=handout` the printable handout;
// otherwise the page itself. Each loads lazily.
import { lazy, Suspense, type ReactNode } from 'react';
import { useLocation } from '../useLocation';

const Presentation = lazy(() => import('./Presentation'));
const SpeakerView = lazy(() => import('./SpeakerView'));
const HandoutView = lazy(() => import('./HandoutView'));

export function PresentationFrame({ slug, step, children }: { slug: string; step: number; children: ReactNode }) {
  const { params } = useLocation();
  const mode = params.get('mode');
  if (mode !== 'present' && mode !== 'speaker' && mode !== 'handout') return <>{children}</>;
  return (
    <Suspense fallback={<p role="status">Loading the presentation…</p>}>
      {mode === 'present' && <Presentation slug={slug} step={step} params={params} />}
      {mode === 'speaker' && <SpeakerView slug={slug} step={step} />}
      {mode === 'handout' && <HandoutView slug={slug} />}
    </Suspense>
  );
}
