// Maps a step's panel ids to components. Live panels read the store (filled by the worker);
// illustrations are labelled as such by the frame. Presentation mode and embeds reuse this.
import type { ReactNode } from 'react';
import { Prose } from './Prose';
import type { PanelRef } from '../../lessons/types';
import { PanelEmbedButton } from '../../embed/PanelEmbedButton';
import { SequentialVsParallel } from './widgets/SequentialVsParallel';
import { ContextWindow } from './widgets/ContextWindow';
import { EmbeddingLookup } from './widgets/EmbeddingLookup';
import { HeadSplit } from './widgets/HeadSplit';
import { Cover } from './widgets/Cover';
import { PositionalSwitch } from './widgets/PositionalSwitch';
import { TrainPanel } from '../train';
import { AblationPanel, JourneyPanel, LensPanel, PatchingPanel } from '../interventions/livePanels';
import { LATER_PANEL_TITLES, renderLaterPanel } from './widgets/laterPanels';
import { HeatmapPanel, InputPanel, MatrixPanel } from './livePanels';
import { ArchitecturePanel, CostPanel, HeadOverviewPanel, MaskPanel, OutputBarsPanel, PipelinePanel, PositionalPanel, RoPEPanel } from './vizPanels';

type Options = NonNullable<PanelRef['options']>;

const str = (o: Options, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
const num = (o: Options, k: string): number | undefined => (typeof o[k] === 'number' ? (o[k] as number) : undefined);
const bool = (o: Options, k: string): boolean => o[k] === true;

/** An illustration is drawn from its own data: always ready. */
const Ready = ({ children }: { children: ReactNode }) => <div data-panel-ready="true">{children}</div>;

/** How many hidden units are switched off: exactly 0 (ReLU) or at most 0 (GELU dips slightly below 0). */
function ZeroShare({ m }: { m: { values: Float32Array; rows: number; cols: number } }) {
  let zeros = 0;
  let atMostZero = 0;
  for (const v of m.values) {
    if (v === 0) zeros++;
    if (v <= 0) atMostZero++;
  }
  const pct = (n: number) => ((100 * n) / Math.max(1, m.values.length)).toFixed(0);
  return (
    <p className="pg-muted" data-testid="ffn-zero-share">
      Of {m.values.length} hidden activations ({m.rows} tokens × {m.cols} units): {zeros} exactly 0 ({pct(zeros)}%), {atMostZero} at or below 0 ({pct(atMostZero)}%).
    </p>
  );
}

/** The component for a panel reference, or null when that panel has not been built yet. */
function renderPanel(ref: PanelRef): ReactNode | null {
  const o = ref.options ?? {};
  switch (ref.panel) {
    case 'sequential-vs-parallel':
      return (
        <Ready>
          <SequentialVsParallel text={str(o, 'text')} />
        </Ready>
      );
    case 'context-window':
      return (
        <Ready>
          <ContextWindow initialWindow={num(o, 'window')} />
        </Ready>
      );
    case 'cover':
      return (
        <Ready>
          <Cover />
        </Ready>
      );
    case 'input':
    case 'tokens':
      return <InputPanel pickModel={bool(o, 'pickModel')} pickMask={bool(o, 'pickMask')} />;
    case 'embedding-lookup':
      return <EmbeddingLookup show={str(o, 'show') === 'one-hot' ? 'one-hot' : 'row'} />;
    case 'matrix':
      return <MatrixPanel field={str(o, 'field') ?? 'embeddings'} />;
    case 'attention-heatmap':
      return <HeatmapPanel show={str(o, 'show') === 'scores' ? 'scores' : 'weights'} explain={bool(o, 'explain')} />;
    case 'output-bars':
      return <OutputBarsPanel />;
    case 'attention-pipeline':
      return <PipelinePanel />;
    case 'head-overview':
      return <HeadOverviewPanel />;
    case 'mask': {
      const pattern = str(o, 'pattern');
      return <MaskPanel pattern={pattern === 'full' || pattern === 'causal' || pattern === 'prefix' ? pattern : undefined} S={num(o, 'S')} padding={num(o, 'padding')} prefix={num(o, 'prefix')} />;
    }
    case 'positional-encoding':
      return <PositionalPanel view={str(o, 'view') === 'similarity' ? 'similarity' : 'table'} />;
    case 'rope':
      return <RoPEPanel />;
    case 'positional-switch':
      return <PositionalSwitch />;
    case 'architecture':
      return <ArchitecturePanel />;
    case 'cost':
      return <CostPanel />;
    case 'head-split':
      return <HeadSplit />;
    case 'ffn-activations':
      return <MatrixPanel field="ffnHidden">{bool(o, 'summary') ? (m) => <ZeroShare m={m} /> : undefined}</MatrixPanel>;
    case 'train':
      return <TrainPanel options={o} />;
    case 'journey':
      return <JourneyPanel />;
    case 'logit-lens':
      return <LensPanel />;
    case 'ablation':
      return <AblationPanel />;
    case 'patching':
      return <PatchingPanel diff={bool(o, 'diff')} />;
    default:
      return renderLaterPanel(ref);
  }
}

const TITLES: Record<PanelRef['panel'], string> = {
  ...LATER_PANEL_TITLES,
  input: 'Input',
  tokens: 'Tokens',
  'embedding-lookup': 'Embedding lookup',
  matrix: 'Matrix',
  'positional-encoding': 'Positional encoding',
  rope: 'Rotary position embedding',
  'positional-switch': 'Positional scheme',
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
  cover: 'Lifting points into more dimensions',
  'sequential-vs-parallel': 'Sequential versus parallel',
  'context-window': 'A fixed context window',
  train: 'Train a transformer',
  journey: 'One token through the model',
  'logit-lens': 'Logit lens',
  ablation: 'Knock out heads',
  patching: 'Patch heads from a second input',
};

/** Panels that draw their own title (the frame then shows only the badge). */
const SELF_TITLED: ReadonlySet<PanelRef['panel']> = new Set(['input', 'tokens', 'attention-heatmap', 'matrix', 'output-bars', 'ffn-activations', 'attention-pipeline', 'head-overview', 'mask', 'positional-encoding', 'rope', 'architecture', 'cost']);

/** One panel in its frame: title, an "Illustration" badge when it is not from a running model, caption. */
export function PanelFrame({ panelRef }: { panelRef: PanelRef }) {
  const body = renderPanel(panelRef);
  return (
    <figure className="lesson-panel" data-testid={`panel-${panelRef.panel}`} data-ready={body ? 'true' : 'false'}>
      <div className="lesson-panel-head">
        <span className={SELF_TITLED.has(panelRef.panel) ? 'visually-hidden' : 'lesson-panel-title'}>{TITLES[panelRef.panel]}</span>
        {panelRef.illustration ? (
          <span className="badge badge-illustration" title="Drawn for explanation, not read from a running model">
            Illustration
          </span>
        ) : (
          <span className="badge badge-live" title="Numbers from the model running in your browser">
            Live model
          </span>
        )}
        <PanelEmbedButton panelRef={panelRef} title={TITLES[panelRef.panel]} />
      </div>
      {body ?? <p className="notice">This panel is on its way with the visualization kit.</p>}
      {panelRef.caption && (
        <figcaption>
          <Prose source={panelRef.caption} />
        </figcaption>
      )}
    </figure>
  );
}
