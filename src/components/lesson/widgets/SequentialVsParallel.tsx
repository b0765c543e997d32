// Illustration for lesson 1: an RNN reads one token per time step, carrying a hidden state;
// a transformer reads every token in one step and compares every pair. Play, pause and step.
import { useEffect, useState } from 'react';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

const TICK_MS = 700;

export function SequentialVsParallel({ text = 'the dog that the cats chase runs .' }: { text?: string }) {
  const tokens = text.split(/\s+/).filter(Boolean).slice(0, 12); // [S]
  const S = tokens.length;
  const [t, setT] = useState(0); // time steps elapsed
  const [playing, setPlaying] = useState(false);
  const reduced = usePrefersReducedMotion();
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      setT((x) => {
        if (x >= S) {
          setPlaying(false);
          return x;
        }
        return x + 1;
      });
    }, reduced ? TICK_MS * 2 : TICK_MS);
    return () => window.clearInterval(id);
  }, [playing, S, reduced]);

  const w = 64; // px per token
  const width = S * w + 24;
  const x = (i: number) => 12 + i * w + w / 2;
  const rnnDone = (i: number) => i < t;
  const txDone = t >= 1;
  return (
    <div className="seq-par" data-testid="sequential-vs-parallel" data-time={t}>
      <div className="panel-controls" role="group" aria-label="Animation controls">
        <button type="button" className="btn" onClick={() => (t >= S ? (setT(0), setPlaying(true)) : setPlaying((p) => !p))} data-testid="seq-play">
          {playing ? 'Pause' : t >= S ? 'Replay' : 'Play'}
        </button>
        <button type="button" className="btn" onClick={() => setT((x) => Math.min(S, x + 1))} disabled={t >= S} data-testid="seq-step">
          Step
        </button>
        <button type="button" className="btn" onClick={() => { setPlaying(false); setT(0); }}>
          Reset
        </button>
        <span role="status" className="mono" data-testid="seq-status">
          time step {t}: RNN has read {Math.min(t, S)} of {S} tokens; transformer {txDone ? `done (all ${S * S} pairs compared at once)` : 'not started'}
        </span>
      </div>
      <svg viewBox={`0 0 ${width} 250`} width="100%" role="img" aria-label={`Recurrent network: ${Math.min(t, S)} of ${S} tokens read. Transformer: ${txDone ? 'all tokens read in one step' : 'waiting'}.`}>
        <text x={12} y={16} className="svg-label">RNN: one token per time step, hidden state h carried along</text>
        {tokens.map((tok, i) => (
          <g key={`r${i}`}>
            <rect x={x(i) - 28} y={28} width={56} height={28} rx={5} className={rnnDone(i) ? 'tok tok-done' : i === t ? 'tok tok-next' : 'tok'} />
            <text x={x(i)} y={47} textAnchor="middle" className="svg-token">{tok}</text>
            {i > 0 && <line x1={x(i - 1) + 28} x2={x(i) - 28} y1={42} y2={42} className={rnnDone(i) ? 'arrow arrow-on' : 'arrow'} />}
            {rnnDone(i) && <text x={x(i)} y={72} textAnchor="middle" className="svg-small">h{i + 1}</text>}
          </g>
        ))}
        <text x={12} y={112} className="svg-label">Transformer: all tokens in one step, every pair compared</text>
        {txDone &&
          tokens.map((_, i) =>
            tokens.map((__, j) =>
              i < j ? (
                <path key={`a${i}-${j}`} d={`M${x(i)},186 Q${(x(i) + x(j)) / 2},${186 - 14 - (j - i) * 7} ${x(j)},186`} className="arc" />
              ) : null,
            ),
          )}
        {tokens.map((tok, i) => (
          <g key={`t${i}`}>
            <rect x={x(i) - 28} y={188} width={56} height={28} rx={5} className={txDone ? 'tok tok-done' : 'tok'} />
            <text x={x(i)} y={207} textAnchor="middle" className="svg-token">{tok}</text>
          </g>
        ))}
        <text x={12} y={240} className="svg-small">
          sequential steps — RNN: {S}; transformer: 1 (but {S}×{S} = {S * S} comparisons per head)
        </text>
      </svg>
    </div>
  );
}
