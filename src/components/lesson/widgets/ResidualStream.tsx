// Lesson 8: the residual stream of the live model, token by token, as it leaves each layer. For
// every token the table gives the mean and spread (σ) of its dModel numbers, the statistics
// LayerNorm works with: a post-norm model resets them after every sublayer, a pre-norm one lets
// the stream grow and normalises once at the end.
import { useMemo } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo } from '../../../store/selectors';
import { getTensor, tracePath, type StackName, type TraceMap } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { LiveState } from '../../../panels/LiveState';
import { fmt, layersOf, rowStats, useStackPieces, type RowStats } from './stats';
import { ScrollBox } from './ScrollBox';
import { ModelPair } from './ModelPair';
import './widgets.css';

interface Column {
  name: string;
  stats: RowStats[];
}

/** The stream entering the stack, after each layer, and (pre-norm) after the final LayerNorm. */
function streamColumns(trace: TraceMap, stack: StackName, nLayers: number, finalNorm: boolean): Column[] | null {
  const input = getTensor<Tensor>(trace, tracePath.stack(stack, 'input')); // [S, dModel]
  if (!input) return null;
  const cols: Column[] = [{ name: 'enters layer 0', stats: rowStats(input) }];
  for (let l = 0; l < nLayers; l++) {
    const out = getTensor<Tensor>(trace, tracePath.layer(stack, l, 'output')); // [S, dModel]
    if (!out) return null;
    cols.push({ name: `after layer ${l}`, stats: rowStats(out) });
  }
  if (finalNorm) {
    const out = getTensor<Tensor>(trace, tracePath.stack(stack, 'output')); // [S, dModel]
    if (!out) return null;
    cols.push({ name: 'after the final LayerNorm', stats: rowStats(out) });
  }
  return cols;
}

/** `compare` adds buttons that switch between a pre-norm and a post-norm model on the same text. */
export function ResidualStream({ compare = false }: { compare?: boolean }) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const trace = useAtlas((s) => s.trace);
  const pieces = useStackPieces(stack);
  const columns = useMemo(
    () => (info ? streamColumns(trace, stack, layersOf(info, stack), info.config.norm === 'pre') : null),
    [info, trace, stack],
  );
  const ready = !!info && !!columns && pieces.length > 0;
  const norm = info?.config.norm === 'pre' ? 'pre-norm' : 'post-norm';
  return (
    <LiveState ready={ready}>
      {compare && <ModelPair />}
      {ready && columns && info && (
        <ScrollBox label="Table of the residual stream statistics">
          <table className="data-table widget-table" data-testid="residual-stream-table" data-norm={info.config.norm}>
            <caption>
              The residual stream of the {info.name} model ({norm}, {stack}), one row per token: mean μ and spread σ of
              its dModel = {info.config.dModel} numbers at each point.
            </caption>
            <thead>
              <tr>
                <th scope="col">token</th>
                {columns.map((c) => (
                  <th scope="col" key={c.name}>
                    {c.name}
                    <br />
                    <span className="widget-muted">μ / σ</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pieces.map((p, i) => (
                <tr key={i}>
                  <th scope="row" className="mono">
                    {p}
                  </th>
                  {columns.map((c, j) => (
                    <td key={j} className="mono" data-testid={`stream-${i}-${j}`} data-std={c.stats[i]?.std.toFixed(4)}>
                      {fmt(c.stats[i]?.mean ?? 0)} / {fmt(c.stats[i]?.std ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </LiveState>
  );
}
