// The three places a panel is drawn, as contexts for PanelDef.render.
import type { PanelContext } from './types';

export const LESSON: PanelContext = { place: 'lesson', headingLevel: 3, picker: true, testId: (name) => `lesson-${name}` };

export const PLAYGROUND: PanelContext = { place: 'playground', headingLevel: 3, picker: false, testId: (name) => `playground-${name}` };

/** An embed frame: one figure, `embed-panel`; the picker only when the author left controls on. */
export function embedContext(controls: 'full' | 'min' | 'none'): PanelContext {
  return { place: 'embed', headingLevel: 2, picker: controls !== 'none', testId: () => 'embed-panel' };
}
