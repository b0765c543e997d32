// "Present" on a lesson step: full screen (when the browser allows it; this click is the user
// gesture it needs) and the same step with `?mode=present`.
import { parseHash } from '../router';
import { nonViewParams, stepHref } from '../lesson/navigation';
import { useAtlas } from '../../store/atlas';
import { viewOf } from '../../store/urlSync';
import { encodeView } from '../../store/urlCodec';
import { withMode } from './deck';

/** `params` with the store's current view (input, model, layer, head, mask, positions, …) written in. */
export function withCurrentView(params: URLSearchParams): URLSearchParams {
  return encodeView(viewOf(useAtlas.getState()), params);
}

/** Enters presentation mode at a step, keeping the view the learner set up (the URL's view wins over the step's). */
export function enterPresentation(slug: string, step: number): void {
  const el = document.documentElement;
  if (el.requestFullscreen && !document.fullscreenElement) el.requestFullscreen().catch(() => {});
  const { params } = parseHash(window.location.hash);
  window.location.hash = stepHref(slug, step, withCurrentView(withMode(nonViewParams(params), 'present')));
}

export function PresentButton({ slug, step }: { slug: string; step: number }) {
  return (
    <button type="button" className="btn" onClick={() => enterPresentation(slug, step)} data-testid="present-button" title="Present this lesson, one step per slide (keys: ? in presentation mode)">
      Present
    </button>
  );
}
