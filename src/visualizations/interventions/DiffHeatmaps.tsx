// Two-input diff: for every layer and head, the clean run's attention weights minus the corrupted
// run's (rows are queries, columns are keys; blue = more attention in the clean run).
import type { Tensor } from '../../model/tensor';
import { parseTraceKey } from '../../model/trace';
import { CellMap } from '../CellMap';
import { PanelFrame } from '../PanelFrame';
import { divergingScale } from '../scales';
import './interventions.css';

export interface DiffHeatmapsProps {
  weights: { key: string; clean: Tensor; corrupted: Tensor }[];
  /** Token labels "clean/corrupted" per position of the query stack and of the key stack. */
  labels: (key: string) => { rows: string[]; cols: string[] };
  testId?: string;
}

/** "decoder.layers.1.selfAttention.weights" → "decoder 1 self". */
const titleOf = (key: string) => {
  const p = parseTraceKey(key);
  return p?.kind === 'attention' ? `${p.stack} ${p.layer} ${p.attention === 'crossAttention' ? 'cross' : 'self'}` : key;
};

export function DiffHeatmaps({ weights, labels, testId = 'diff-heatmaps' }: DiffHeatmapsProps) {
  const scale = divergingScale(1);
  return (
    <PanelFrame
      title="Two-input diff: attention weights, clean − corrupted"
      description="Every layer and head. Blue: the clean input draws more attention to that key; red: the corrupted input does; white: no change. Rows are queries, columns are keys, labelled with the clean input's tokens."
      testId={testId}
      data={() => weights.map((w) => ({ key: w.key, shape: w.clean.shape }))}
    >
      {weights.map((w) => {
        const [nHeads, Sq, Sk] = w.clean.shape;
        const diff = new Float32Array(w.clean.data.length); // [nHeads, Sq, Sk]
        for (let i = 0; i < diff.length; i++) diff[i] = w.clean.data[i] - w.corrupted.data[i];
        const { rows, cols } = labels(w.key);
        return (
          <section key={w.key} aria-label={titleOf(w.key)}>
            <h4>{titleOf(w.key)}</h4>
            <div className="diff-grid">
              {Array.from({ length: nHeads }, (_, h) => (
                <div key={h}>
                  <p className="pg-muted">head {h}</p>
                  <CellMap
                    values={diff}
                    offset={h * Sq * Sk}
                    rows={Sq}
                    cols={Sk}
                    rowLabels={rows}
                    colLabels={cols}
                    rowTitle="Queries"
                    colTitle="Keys"
                    rowNoun="query"
                    colNoun="key"
                    scale={scale}
                    legendTitle="clean − corrupted weight"
                    label={`${titleOf(w.key)} head ${h}: clean minus corrupted attention weights`}
                    maxWidth={220}
                    maxCell={24}
                    showValues={false}
                    testId={`diff-${titleOf(w.key).replace(/ /g, '-')}-${h}`}
                  />
                </div>
              ))}
            </div>
          </section>
        );
      })}
    </PanelFrame>
  );
}
