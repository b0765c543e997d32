// The panels of lessons 8–14, kept apart from the shared registry (panels.tsx), which calls
// renderLaterPanel for the ids listed in LATER_PANEL_TITLES (their PanelIds are in lessons/types.ts).
import type { ReactNode } from 'react';
import type { PanelRef } from '../../../lessons/types';
import { ResidualStream } from './ResidualStream';
import { LayerNormStats } from './LayerNormStats';
import { CrossAlignment } from './CrossAlignment';
import { Predictions } from './Predictions';
import { TeacherForcing } from './TeacherForcing';
import { Generation } from './Generation';
import { ArchitectureCompare } from './ArchitectureCompare';
import { SoftLookup } from './SoftLookup';
import { CourseRecap } from './CourseRecap';

export type LaterPanelId =
  | 'residual-stream' // mean and σ of every token's stream entering and leaving each layer
  | 'layer-norm' // one token before and after LayerNorm, with its statistics
  | 'cross-alignment' // each output character and where its cross-attention looks in the source
  | 'predictions' // probabilities at one position; temperature, top-k and sampling
  | 'teacher-forcing' // one pass over the shifted target: prediction vs the teacher's next token
  | 'generation' // generate one token at a time and feed it back
  | 'architecture-compare' // the three families side by side, or the loaded model's own diagram
  | 'soft-lookup' // attention as a soft dictionary lookup, for one query
  | 'recap'; // links back to every lesson

export const LATER_PANEL_TITLES: Record<LaterPanelId, string> = {
  'residual-stream': 'The residual stream, layer by layer',
  'layer-norm': 'LayerNorm on one token',
  'cross-alignment': 'Where each output character looks',
  predictions: 'Next-token probabilities',
  'teacher-forcing': 'Teacher forcing: every position at once',
  generation: 'Generation: one token at a time',
  'architecture-compare': 'Architectures',
  'soft-lookup': 'Attention as a soft lookup',
  recap: 'The whole course',
};

const isLater = (id: string): id is LaterPanelId => Object.prototype.hasOwnProperty.call(LATER_PANEL_TITLES, id);

/** The component for one of the panels above, or null for any other id. */
export function renderLaterPanel(ref: PanelRef): ReactNode | null {
  if (!isLater(ref.panel)) return null;
  const o = ref.options ?? {};
  switch (ref.panel) {
    case 'residual-stream':
      return <ResidualStream compare={o.compare === true} />;
    case 'layer-norm':
      return <LayerNormStats />;
    case 'cross-alignment':
      return <CrossAlignment />;
    case 'predictions': {
      const p = o.position;
      return <Predictions position={p === 'mask' || p === 'choose' ? p : 'last'} sampling={o.sampling === true} pair={o.pair === true} showLogits={o.logits === true} />;
    }
    case 'teacher-forcing':
      return <TeacherForcing />;
    case 'generation':
      return <Generation />;
    case 'architecture-compare':
      return <ArchitectureCompare live={o.live === true} />;
    case 'soft-lookup':
      return <SoftLookup />;
    case 'recap':
      return <CourseRecap />;
  }
}
