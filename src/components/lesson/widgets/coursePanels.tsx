// Panels added for issue 15 (teaching): the BPE merges, the gated feed-forward illustration and
// predict-then-reveal. panels.tsx calls renderCoursePanel for the ids in COURSE_PANEL_TITLES.
import type { ReactNode } from 'react';
import type { PanelRef } from '../../../lessons/types';
import { Bpe } from './Bpe';
import { SwiGlu } from './SwiGlu';
import { Guess } from './Guess';

export type CoursePanelId = 'bpe' | 'swiglu' | 'guess';

export const COURSE_PANEL_TITLES: Record<CoursePanelId, string> = {
  bpe: 'Byte-pair encoding, learned in your browser',
  swiglu: 'A gated feed-forward unit (SwiGLU)',
  guess: 'Predict, then reveal',
};

/** The component for one of the panels above, or null for any other id. */
export function renderCoursePanel(ref: PanelRef): ReactNode | null {
  const o = ref.options ?? {};
  switch (ref.panel) {
    case 'bpe':
      return <Bpe />;
    case 'swiglu':
      return <SwiGlu />;
    case 'guess': {
      const at = o.at === 'mask' || o.at === 'last' ? o.at : typeof o.at === 'number' ? o.at : 'last';
      return (
        <Guess
          mode={o.mode === 'cell' ? 'cell' : 'next-token'}
          lesson={String(o.lesson ?? '')}
          id={String(o.id ?? 'guess')}
          prompt={String(o.prompt ?? '')}
          at={at}
          choices={typeof o.choices === 'string' ? o.choices.split(' ') : undefined}
        />
      );
    }
    default:
      return null;
  }
}
