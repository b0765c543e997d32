// The logit lens as a table: each layer's residual stream at one position, read through the final
// norm and the de-embedding — the prediction forming layer by layer.
import { PanelFrame } from '../PanelFrame';
import type { TopToken } from './journey';
import './interventions.css';

export interface LensTableProps {
  rows: { layer: number; top: TopToken[] }[];
  token: string;
  position: number;
  stack: 'encoder' | 'decoder';
  testId?: string;
}

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

export function LensTable({ rows, token, position, stack, testId = 'lens-table' }: LensTableProps) {
  const k = rows[0]?.top.length ?? 0;
  return (
    <PanelFrame
      title="Logit lens"
      description={`The stream after each ${stack} layer, through the final norm and the de-embedding, at position ${position} (“${token}”). The last row is the model's own prediction.`}
      testId={testId}
      data={() => rows}
    >
      <table className="lens-table">
        <caption>
          Top {k} tokens and their probabilities, if the model stopped after each layer
        </caption>
        <thead>
          <tr>
            <th scope="col">after layer</th>
            {Array.from({ length: k }, (_, i) => (
              <th scope="col" key={i}>
                #{i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.layer} data-testid={`lens-row-${r.layer}`}>
              <th scope="row">
                {stack} {r.layer}
                {i === rows.length - 1 ? ' (= output)' : ''}
              </th>
              {r.top.map((t, j) => (
                <td key={t.id} className={j === 0 ? 'top' : undefined}>
                  “{t.token}” {pct(t.p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </PanelFrame>
  );
}
