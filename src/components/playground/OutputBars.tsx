// The model's output at the last position: the most probable next tokens as bars with their
// probabilities (softmax of logits / temperature), the argmax first.
import { tracePath } from '../../model/trace';
import type { Tensor } from '../../model/tensor';
import { useAtlas } from '../../store/atlas';
import { selectModelInfo, useTraceTensor } from '../../store/selectors';

const probsPath = tracePath.head('probs');
const TOP = 5;

/** Top-5 next-token probabilities for the last position of the run. */
export function OutputBars() {
  const info = useAtlas(selectModelInfo);
  const probs = useTraceTensor<Tensor>(probsPath); // [T, V]
  if (!info || !probs) return null;
  const [T, V] = probs.shape;
  const row = probs.data.subarray((T - 1) * V, T * V); // [V], the last position
  const top = Array.from(row, (p, id) => ({ id, p }))
    .sort((a, b) => b.p - a.p || a.id - b.id)
    .slice(0, TOP);
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
