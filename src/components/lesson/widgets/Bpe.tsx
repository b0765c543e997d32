// Lesson 2: a tiny byte-pair encoder learned in the browser from a short text (bpe.ts), applied
// to the student's own word merge by merge. Its numbers are computed here and now, not by one of
// the shipped models (they cut at characters or words), which the frame says.
import { useId, useMemo, useState } from 'react';
import { BPE_CORPUS, END, learnMerges, segmentSteps } from './bpe';
import './widgets.css';

const MAX_MERGES = 150;

export function Bpe() {
  const [word, setWord] = useState('unreadable');
  const [count, setCount] = useState(MAX_MERGES); // clamped to the merges the text yields
  const [shown, setShown] = useState<number | null>(null); // merge step shown; null = all
  const wordId = useId();
  const countId = useId();
  const allMerges = useMemo(() => learnMerges(BPE_CORPUS, MAX_MERGES), []);
  const merges = allMerges.slice(0, Math.min(count, allMerges.length));
  const steps = useMemo(() => segmentSteps(word, merges), [word, merges]);
  const at = shown === null ? steps.length - 1 : Math.min(shown, steps.length - 1);
  const cleaned = word.toLowerCase().replace(/[^a-z]/g, '');
  return (
    <div data-panel-ready="true" data-testid="bpe">
      <div className="widget-controls">
        <label htmlFor={wordId}>Your word</label>
        <input id={wordId} value={word} maxLength={30} data-testid="bpe-word" onChange={(e) => { setWord(e.target.value); setShown(null); }} />
        <label htmlFor={countId}>
          merges learned: <span className="mono">{merges.length}</span>
        </label>
        <input id={countId} type="range" min={0} max={allMerges.length} value={Math.min(count, allMerges.length)} data-testid="bpe-count" onChange={(e) => { setCount(Number(e.target.value)); setShown(null); }} />
      </div>
      {cleaned !== word.toLowerCase() && <p className="pg-muted">Only the letters a–z are used; other characters are left out.</p>}
      <p>
        Step {at} of {steps.length - 1}
        {steps[at].merge ? (
          <>
            : merge <span className="mono">{steps[at].merge![0]}</span> + <span className="mono">{steps[at].merge![1]}</span> (merge no.{' '}
            {merges.findIndex(([a, b]) => a === steps[at].merge![0] && b === steps[at].merge![1]) + 1} learned from the text)
          </>
        ) : (
          ': single characters, the end marker ' + END + ' last'
        )}
      </p>
      <div className="widget-row" role="list" aria-label={`Pieces of ${cleaned || 'the word'}`} data-testid="bpe-pieces">
        {steps[at].pieces.map((p, i) => (
          <span role="listitem" key={i} className="widget-chip">
            <span className="widget-chip-char">{p}</span>
          </span>
        ))}
      </div>
      <div className="widget-controls">
        <button type="button" className="btn" disabled={at === 0} onClick={() => setShown(Math.max(0, at - 1))}>
          Back
        </button>
        <button type="button" className="btn" disabled={at >= steps.length - 1} data-testid="bpe-step" onClick={() => setShown(at + 1)}>
          Step
        </button>
        <span className="pg-muted">
          {steps.at(-1)!.pieces.length} piece{steps.at(-1)!.pieces.length === 1 ? '' : 's'} after all {merges.length} merges.
        </span>
      </div>
      <details>
        <summary>The first 20 merges learned from the text</summary>
        <p className="mono">{allMerges.slice(0, 20).map(([a, b]) => `${a}+${b}`).join('  ')}</p>
      </details>
    </div>
  );
}
