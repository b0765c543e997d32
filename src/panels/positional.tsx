// `positional-encoding`: the positional table of the loaded model (the sinusoidal formula's table,
// or the traced learned rows), the similarity of positions, or (view `formula`, the embed) the
// sinusoidal formula at the input's length whatever the model uses.
import { useMemo } from 'react';
import { useAtlas } from '../store/atlas';
import { selectModelInfo, useTraceTensor } from '../store/selectors';
import { tracePath } from '../model/trace';
import type { Tensor } from '../model/tensor';
import { sinusoidalTable } from '../model/positional';
import { PositionSimilarity, SinusoidalPanel } from '../visualizations/PositionalPanels';
import { LiveState } from './LiveState';
import { MatrixPanel } from './matrix';
import { definePanel, ready, type PanelContext } from './types';

export interface PositionalOptions {
  view?: 'table' | 'similarity' | 'formula';
}

function PositionalPanel({ view = 'table', ctx }: PositionalOptions & { ctx: PanelContext }) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const traced = useTraceTensor<Tensor>(tracePath.stack(stack, 'positional')); // [S, dModel]
  const positional = info?.config.positional;
  const sinTable = useMemo(() => (info && positional === 'sinusoidal' ? sinusoidalTable(Math.min(info.config.maxLen, 32), info.config.dModel) : null), [info, positional]); // [S, dModel]
  if (!info) return <LiveState ready={false}>{null}</LiveState>;
  if (view === 'similarity') {
    const table = sinTable ?? traced;
    return (
      <LiveState ready={!!table}>
        {table && (
          <PositionSimilarity
            table={table}
            title={`Similarity of positions PE_m · PE_n (${positional}, dModel = ${info.config.dModel})`}
            headingLevel={ctx.headingLevel}
            testId={ctx.testId('position-similarity')}
          />
        )}
      </LiveState>
    );
  }
  if (positional === 'sinusoidal')
    return ready(<SinusoidalPanel S={Math.min(info.config.maxLen, 32)} dModel={info.config.dModel} dims={[0, 1, 10, 11]} headingLevel={ctx.headingLevel} testId={ctx.testId('sinusoidal')} />);
  return (
    <>
      {positional === 'rope' && <p className="pg-muted">This model uses RoPE: nothing is added to the embeddings (the table below is all zeros); positions act inside attention.</p>}
      <MatrixPanel field="positional" ctx={ctx} />
    </>
  );
}

/** The sinusoidal formula at the input's length (8…64 positions) and the model's dModel. */
function FormulaPanel({ ctx }: { ctx: PanelContext }) {
  const info = useAtlas(selectModelInfo);
  const input = useAtlas((s) => s.input);
  const S = Math.max(8, Math.min(64, input?.kind === 'single' ? input.seq.tokens.length : input?.kind === 'pair' ? input.src.tokens.length : 16));
  const dModel = info ? info.config.dModel : 16;
  const table = useMemo(() => sinusoidalTable(S, dModel), [S, dModel]); // [S, dModel]
  return ready(
    <>
      <SinusoidalPanel key={`${S}-${dModel}`} S={S} dModel={dModel} dims={[0, 1, Math.min(dModel - 2, 6), Math.min(dModel - 1, 7)]} headingLevel={ctx.headingLevel} testId={ctx.testId('sinusoidal')} />
      <PositionSimilarity table={table} title={`Similarity of positions: PE_m · PE_n (S = ${S}, dModel = ${dModel})`} headingLevel={ctx.headingLevel} />
    </>,
  );
}

export const positionalPanel = definePanel<PositionalOptions>({
  title: 'Positional encoding',
  selfTitled: true,
  render: (o, ctx) => (o.view === 'formula' ? <FormulaPanel ctx={ctx} /> : <PositionalPanel view={o.view} ctx={ctx} />),
});
