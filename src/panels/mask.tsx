// `mask`: the boolean mask diagrams. As an illustration (lesson 6) it starts from the step's
// pattern and has its own controls; with `live` it shows the selected head's real scores under
// the running model's mask choice (the `mask` embed).
import { useAtlas } from '../store/atlas';
import type { Tensor } from '../model/tensor';
import { MaskDiagram } from '../visualizations/MaskDiagram';
import { headCount, headMatrix } from '../visualizations/tensorView';
import { LayerHeadPicker } from '../components/LayerHeadPicker';
import { LiveState } from './LiveState';
import { useAttentionAxes, useSelection, where } from './axes';
import { definePanel, ready, type PanelContext } from './types';

export interface MaskOptions {
  pattern?: 'full' | 'causal' | 'prefix';
  S?: number;
  padding?: number;
  prefix?: number;
  /** Lesson 6's step that combines padding with the pattern (the diagram shows both anyway). */
  combine?: boolean;
  /** Draw the running model's scores of the selected head (instead of an illustration). */
  live?: boolean;
}

function LiveMaskPanel({ ctx }: { ctx: PanelContext }) {
  const { info, scores, queryTokens, keyTokens } = useAttentionAxes();
  const sel = useSelection();
  const maskChoice = useAtlas((s) => s.mask);
  const prefix = useAtlas((s) => s.prefix);
  const isReady = !!info && !!scores && queryTokens.length > 0 && sel.head < headCount(scores);
  const S = queryTokens.length;
  const pattern = maskChoice ?? (info?.arch === 'encoder-only' ? 'full' : 'causal');
  const self = sel.attention === 'selfAttention';
  const headScores = isReady && scores && self && S === keyTokens.length ? headMatrix(scores, sel.head) : null; // [S, S]
  return (
    <LiveState ready={isReady}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} />}
      {isReady && (
        <MaskDiagram
          key={`${S}-${pattern}-${prefix}`}
          S={S}
          padding={0}
          prefix={prefix}
          pattern={pattern}
          maxS={Math.max(12, S)}
          scores={headScores ? ({ data: headScores.values, shape: [S, S] } as Tensor) : null}
          tokens={queryTokens}
          title={`Masks on the scores of ${where(sel)}, head ${sel.head}`}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('mask')}
        />
      )}
    </LiveState>
  );
}

export const maskPanel = definePanel<MaskOptions>({
  title: 'Masks',
  selfTitled: true,
  render: (o, ctx) =>
    o.live ? (
      <LiveMaskPanel ctx={ctx} />
    ) : (
      ready(<MaskDiagram pattern={o.pattern} S={o.S} padding={o.padding ?? (o.pattern === 'full' ? 1 : 0)} prefix={o.prefix} headingLevel={ctx.headingLevel} testId={ctx.testId('mask')} />)
    ),
});
