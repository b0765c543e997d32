// The model's output at the last position: the most probable next tokens as bars with their
// probabilities (softmax of logits / temperature), the argmax first.
import { tracePath } from '../../model/trace';
import type { Tensor } from '../../model/tensor';
import { useAtlas } from '../../store/atlas';
import { selectModelInfo, useTraceTensor } from '../../store/selectors';

const probsPath = tracePath.head('probs');
const TOP = 5;

/**
 * The k largest entries (ties: lower id first) in one pass, without sorting all V: a vocabulary of
 * 10⁶ words would otherwise cost a long main-thread task on every run.
 */
export function topOf(row: ArrayLike<number>, k: number): { id: number; p: number }[] {
  const top: { id: number; p: number }[] = [];
  for (let id = 0; id < row.length; id++) {
    const p = row[id];
    if (top.length === k && p <= top[k - 1].p) continue;
    let i = top.length;
    while (i > 0 && top[i - 1].p < p) i--; // after every entry at least as large (lower ids win ties)
    top.splice(i, 0, { id, p });
    if (top.length > k) top.pop();
  }
  return top;
}

/** Top-5 next-token probabilities for the last position of the run. */
export function OutputBars() {
  const info = useAtlas(selectModelInfo);
  const probs = useTraceTensor<Tensor>(probsPath); // [T, V]
  if (!info || !probs) return null;
  const [T, V] = probs.shape;
  const row = probs.data.subarray((T - 1) * V, T * V); // [V], the last position
  const top = topOf(row, TOP);
  return (
    <section className="pg-card" aria-labelledby="pg-output-h" data-testid="output-bars">
      <h2 id="pg-output-h">Next token</h2>
      <p className="pg-muted">Probabilities at the last position (position {T - 1}); the first bar is the argmax.</p>
      <ol className="pg-bars">
        {top.map(({ id, p }) => (
          <li key={id}>
            <span className="pg-bar-label mono">{info.vocab[id] ?? id}</span>
            <span className="pg-bar" aria-hidden="true">
              <span style={{ width: `${(p * 100).toFixed(1)}%` }} />
            </span>
            <span className="pg-bar-value">{(p * 100).toFixed(1)}%</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
