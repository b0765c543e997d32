// The patching sweep as a layer × head grid: each cell is one run of the corrupted input with that
// head's output copied from the clean run; its value is how much of the clean prediction came back.
import { formatHeadRef } from '../../model/interventions';
import type { SweepResult } from '../../model/patching';
import { CellMap } from '../CellMap';
import { PanelFrame } from '../PanelFrame';
import { divergingScale, maxAbsOf } from '../scales';
import { formatValue } from '../format';
import './interventions.css';

export interface SweepGridProps {
  result: SweepResult;
  vocab: readonly string[];
  clean: string;
  corrupted: string;
  ms: number;
  testId?: string;
}

/** Rows of the grid: one per (stack, layer, self/cross), in allHeads order. */
export function sweepRows(result: SweepResult): { label: string; cells: SweepResult['cells'] }[] {
  const rows = new Map<string, SweepResult['cells']>();
  for (const c of result.cells) {
    const label = `${c.head.stack} ${c.head.layer}${c.head.kind === 'cross' ? ' cross' : ''}`;
    rows.set(label, [...(rows.get(label) ?? []), c]);
  }
  return [...rows].map(([label, cells]) => ({ label, cells }));
}

export function SweepGrid({ result, vocab, clean, corrupted, ms, testId = 'sweep-grid' }: SweepGridProps) {
  const rows = sweepRows(result);
  const cols = Math.max(...rows.map((r) => r.cells.length));
  const values = new Float32Array(rows.length * cols).fill(NaN); // [rows, nHeads]
  rows.forEach((r, i) => r.cells.forEach((c, j) => (values[i * cols + j] = c.restored)));
  const scale = divergingScale(Math.max(1, maxAbsOf(values)));
  const best = result.cells.reduce((a, b) => (b.restored > a.restored ? b : a));
  const tok = (id: number) => `“${vocab[id] ?? id}”`;
  return (
    <PanelFrame
      title="Patching sweep: which head carries the difference?"
      description={`Clean “${clean}” → ${tok(result.clean.argmax)}; corrupted “${corrupted}” → ${tok(result.corrupted.argmax)}. Each cell (trained model, no knock-outs): the corrupted run with one head patched from the clean run; 1 (blue) = the clean answer fully restored (logit ${tok(result.right)} − ${tok(result.wrong)}), 0 (white) = no effect, below 0 (red) = pushed further away. ${result.cells.length} heads in ${formatValue(ms, 0)} ms.`}
      testId={testId}
      data={() => result}
    >
      <p data-testid="sweep-summary">
        Strongest: <strong>{formatHeadRef(best.head)}</strong> restores {formatValue(100 * best.restored, 0)}% (its patched run predicts {tok(best.argmax)}).
      </p>
      <CellMap
        values={values}
        rows={rows.length}
        cols={cols}
        rowLabels={rows.map((r) => r.label)}
        colLabels={Array.from({ length: cols }, (_, h) => `head ${h}`)}
        rowTitle="Layer (rows)"
        colTitle="Head (columns)"
        rowNoun="layer"
        colNoun="head"
        scale={scale}
        legendTitle="share of the clean prediction restored"
        label="Patching sweep: share of the clean prediction restored per layer and head"
        details={(c) => {
          const cell = rows[c.row]?.cells[c.col];
          return cell ? `${formatHeadRef(cell.head)}: logit difference ${formatValue(cell.logitDiff)} (clean ${formatValue(result.clean.logitDiff)}, corrupted ${formatValue(result.corrupted.logitDiff)}); predicts ${tok(cell.argmax)}` : null;
        }}
        testId={`${testId}-map`}
      />
    </PanelFrame>
  );
}
