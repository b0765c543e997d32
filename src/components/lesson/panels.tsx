// Maps a step's panel ids to components. Live panels read the store (filled by the worker);
// illustrations are labelled as such by the frame. Presentation mode and embeds reuse this.
import type { ReactNode } from 'react';
import type { PanelRef } from '../../lessons/types';
import { SequentialVsParallel } from './widgets/SequentialVsParallel';
import { ContextWindow } from './widgets/ContextWindow';

type Options = NonNullable<PanelRef['options']>;

const str = (o: Options, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
const num = (o: Options, k: string): number | undefined => (typeof o[k] === 'number' ? (o[k] as number) : undefined);

/** The component for a panel reference, or null when that panel has not been built yet. */
function renderPanel(ref: PanelRef): ReactNode | null {
  const o = ref.options ?? {};
  switch (ref.panel) {
    case 'sequential-vs-parallel':
      return <SequentialVsParallel text={str(o, 'text')} />;
    case 'context-window':
      return <ContextWindow initialWindow={num(o, 'window')} />;
    default:
      return null;
  }
}

const TITLES: Record<PanelRef['panel'], string> = {
  input: 'Input',
  tokens: 'Tokens',
  'embedding-lookup': 'Embedding lookup',
  matrix: 'Matrix',
  'positional-encoding': 'Positional encoding',
  rope: 'Rotary position embedding',
  'attention-heatmap': 'Attention weights',
  'head-overview': 'Every head of the layer',
  'attention-pipeline': 'The attention pipeline',
  'head-split': 'One big matmul vs one per head',
  mask: 'Masks',
  'token-lines': 'Token lines',
  architecture: 'Architecture',
  'output-bars': 'Output probabilities',
  'ffn-activations': 'Feed-forward activations',
  cost: 'Cost against sequence length',
  'sequential-vs-parallel': 'Sequential versus parallel',
  'context-window': 'A fixed context window',
};

/** One panel in its frame: title, an "Illustration" badge when it is not from a running model, caption. */
export function PanelFrame({ panelRef }: { panelRef: PanelRef }) {
  const body = renderPanel(panelRef);
  return (
    <figure className="lesson-panel" data-testid={`panel-${panelRef.panel}`} data-ready={body ? 'true' : 'false'}>
      <div className="lesson-panel-head">
        <span className="lesson-panel-title">{TITLES[panelRef.panel]}</span>
        {panelRef.illustration ? (
          <span className="badge badge-illustration" title="Drawn for explanation, not read from a running model">
            Illustration
          </span>
        ) : (
          <span className="badge badge-live" title="Numbers from the model running in your browser">
            Live model
          </span>
        )}
      </div>
      {body ?? <p className="notice">This panel is on its way with the visualization kit.</p>}
      {panelRef.caption && <figcaption>{panelRef.caption}</figcaption>}
    </figure>
  );
}
