// Predict, then reveal: the student commits a guess about the live model — the next token it
// will rate highest, or the key a query row will weigh most — and only then sees the model's
// answer and how close the guess was (its rank among the choices). The first committed guess of
// each id is recorded in the course progress.
import { useMemo, useState } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo, useSelectedAttention, useTraceTensor, piecesOf } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { LiveState } from '../../../panels/LiveState';
import { Prose } from '../Prose';
import { markGuess } from '../progress';
import { fmt, useStackPieces } from './stats';
import './widgets.css';

export interface GuessProps {
  /** 'next-token': which token the model rates highest at a position; 'cell': which key a
   *  query row of the selected head weighs most. */
  mode: 'next-token' | 'cell';
  lesson: string;
  id: string;
  prompt: string;
  /** The position (next-token) or query row (cell): 'last', 'mask' or an index. */
  at?: 'last' | 'mask' | number;
  /** next-token: the candidate tokens offered (absent ones are skipped); default: the 6 most
   *  probable, in vocabulary order so their order gives nothing away. */
  choices?: readonly string[];
}

export interface Choice {
  label: string;
  value: number; // the model's probability or weight
}

/** The rank (1 = highest) of choice `picked` by value; ties share the better rank. */
export function rankOf(choices: readonly Choice[], picked: number): number {
  return 1 + choices.filter((c) => c.value > choices[picked].value).length;
}

/** Resolves 'last' / 'mask' / an index against a sequence of pieces. */
function positionOf(at: GuessProps['at'], pieces: readonly string[]): number {
  if (typeof at === 'number') return Math.min(at, pieces.length - 1);
  if (at === 'mask' && pieces.includes('<mask>')) return pieces.indexOf('<mask>');
  return pieces.length - 1;
}

export function Guess({ mode, lesson, id, prompt, at = 'last', choices }: GuessProps) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const head = useAtlas((s) => s.head);
  const probs = useTraceTensor<Tensor>(tracePath.head('probs')); // [T, V]
  const { weights, mask, queryIds, keyIds } = useSelectedAttention();
  const outPieces = useStackPieces(stack);
  const [picked, setPicked] = useState<number | null>(null);
  const [revealed, setRevealed] = useState(false);
  const rows = useMemo((): { where: string; options: Choice[] } | null => {
    if (!info) return null;
    if (mode === 'next-token') {
      if (!probs || outPieces.length !== probs.shape[0]) return null;
      const V = probs.shape[1];
      const pos = positionOf(at, outPieces);
      const row = probs.data.subarray(pos * V, (pos + 1) * V); // [V]
      const ids = choices
        ? choices.map((c) => info.vocab.indexOf(c)).filter((i) => i >= 0)
        : Array.from(row, (p, i) => ({ p, i })).sort((a, b) => b.p - a.p).slice(0, 6).map((x) => x.i).sort((a, b) => a - b);
      return { where: `after “${outPieces[pos]}” (position ${pos})`, options: ids.map((i) => ({ label: info.vocab[i], value: row[i] })) };
    }
    const q = piecesOf(queryIds, info.vocab);
    const k = piecesOf(keyIds, info.vocab);
    if (!weights || q.length === 0 || weights.shape[1] !== q.length || head >= weights.shape[0]) return null;
    const [, Sq, Sk] = weights.shape;
    const i = positionOf(at, q);
    const base = (head * Sq + i) * Sk;
    const options: Choice[] = [];
    for (let j = 0; j < Sk; j++) {
      if (mask && mask.data[i * Sk + j]) continue; // blocked keys are not a choice
      options.push({ label: `${k[j]} (${j})`, value: weights.data[base + j] });
    }
    return { where: `row “${q[i]}” (query ${i}), head ${head}`, options };
  }, [info, mode, probs, outPieces, at, choices, queryIds, keyIds, weights, mask, head]);
  const ready = !!rows && rows.options.length > 1;
  const commit = () => {
    if (!rows || picked === null) return;
    setRevealed(true);
    markGuess(lesson, id, { rank: rankOf(rows.options, picked), of: rows.options.length });
  };
  const best = rows ? rows.options.reduce((b, c, j) => (c.value > rows.options[b].value ? j : b), 0) : 0;
  const max = rows ? Math.max(...rows.options.map((c) => c.value), 1e-9) : 1;
  return (
    <LiveState ready={ready}>
      {ready && rows && (
        <div data-testid={`guess-${id}`} data-revealed={revealed}>
          <p>
            <strong>Predict first.</strong> <Prose source={prompt} /> <span className="pg-muted">({rows.where})</span>
          </p>
          <div className="widget-btn-row" role="radiogroup" aria-label="Your guess">
            {rows.options.map((c, j) => (
              <button
                key={j}
                type="button"
                role="radio"
                aria-checked={picked === j}
                className="btn"
                disabled={revealed}
                data-testid={`guess-${id}-option-${j}`}
                onClick={() => setPicked(j)}
              >
                {c.label}
              </button>
            ))}
          </div>
          {!revealed ? (
            <button type="button" className="btn btn-primary" disabled={picked === null} onClick={commit} data-testid={`guess-${id}-commit`}>
              Commit my guess and reveal
            </button>
          ) : (
            <div aria-live="polite" data-testid={`guess-${id}-result`}>
              <p>
                {picked === best ? '✓ ' : ''}You picked <span className="mono">{rows.options[picked!].label}</span>: the model gives it{' '}
                {fmt(rows.options[picked!].value, 3)}, rank {rankOf(rows.options, picked!)} of {rows.options.length}. The model’s top choice is{' '}
                <span className="mono">{rows.options[best].label}</span> ({fmt(rows.options[best].value, 3)}).
              </p>
              <ol className="widget-bars" aria-label="The model’s answer for each choice">
                {rows.options.map((c, j) => (
                  <li key={j}>
                    <span className="mono">
                      {c.label}
                      {j === picked ? ' ← you' : ''}
                    </span>
                    <span className="widget-bar" aria-hidden="true">
                      <span style={{ width: `${(100 * c.value) / max}%` }} />
                    </span>
                    <span className="mono">{fmt(c.value, 3)}</span>
                  </li>
                ))}
              </ol>
              <button type="button" className="btn" onClick={() => { setRevealed(false); setPicked(null); }}>
                Guess again (after changing the input, say)
              </button>
            </div>
          )}
        </div>
      )}
    </LiveState>
  );
}
