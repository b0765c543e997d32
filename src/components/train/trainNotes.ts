// Lessons learned on the way, read off the settings and the curves: why reverse and copy cannot be
// learned without positions, why sort can, and what a stalled or diverging curve suggests.
import type { EvalPoint } from '../../worker/trainSession';
import type { TrainSettings } from '../../tasks/trainSettings';

export interface TrainNote {
  id: string;
  tone: 'info' | 'warn' | 'success';
  text: string;
}

/** Steps after which a curve that has not moved counts as stuck. */
export const STALL_STEPS = 400;

/** The notes that apply now (plain text; rendered as text, never as HTML). */
export function trainNotes(s: TrainSettings, evals: readonly EvalPoint[], reachedAt: { step: number; seconds: number } | null): TrainNote[] {
  const notes: TrainNote[] = [];
  const last = evals.at(-1);
  const best = evals.reduce((m, e) => Math.max(m, e.heldOutAcc), 0);
  const stalled = !!last && last.step >= STALL_STEPS && best < 0.5;
  const order = s.task === 'reverse' || s.task === 'copy';
  if (s.pos === 'none' && order) {
    notes.push({
      id: 'no-positions',
      tone: stalled ? 'warn' : 'info',
      text:
        (stalled ? `The held-out curve is stuck near ${(100 * best).toFixed(0)}%: this cannot be learned. ` : 'Watch the held-out curve: it will stall. ') +
        'Without a positional encoding, self-attention treats its input as a bag of letters: move a letter and its encoder output moves with it, unchanged. ' +
        `So when output letter t looks at the source, nothing says which letter came first. ${s.task === 'reverse' ? 'Reversing' : 'Copying'} needs order; the model can only learn which letters occur. ` +
        'Switch positions to sinusoidal, learned or RoPE and press Reset.',
    });
  }
  if (s.pos === 'none' && s.task === 'sort') {
    notes.push({
      id: 'sort-no-positions',
      tone: 'info',
      text:
        'Sort needs no positions: its answer depends only on which letters there are, not where they stand. ' +
        'Cross-attention can find “the smallest letter after the one just written” by content alone.',
    });
  }
  if (s.pos === 'none' && s.task === 'induction') {
    notes.push({
      id: 'induction-no-positions',
      tone: 'info',
      text:
        'In the decoder-only model the causal mask itself leaks position: a token sees only what came before it, so how many tokens it sees says where it is. ' +
        'The induction copy is still learned without a positional encoding, only more slowly (seed 1: 950 steps to 95%, against 325 with learned positions).',
    });
  }
  if (stalled && s.pos !== 'none') {
    notes.push({
      id: 'stalled',
      tone: 'warn',
      text: `After ${last!.step} steps the held-out exact match is still ${(100 * best).toFixed(0)}%. Try a smaller learning rate, another seed, or more heads.`,
    });
  }
  if (last && !Number.isFinite(last.trainLoss)) {
    notes.push({ id: 'diverged', tone: 'warn', text: 'The loss is no longer a number: the learning rate is too large. Pick a smaller one and press Reset.' });
  }
  if (reachedAt) {
    notes.push({
      id: 'reached',
      tone: 'success',
      text: `Learned: ${(100 * (last?.heldOutAcc ?? best)).toFixed(0)}% of held-out words right (never seen in training); the target of 95% was first reached at step ${reachedAt.step}, after ${reachedAt.seconds.toFixed(1)} s of training.`,
    });
  }
  if (last && best >= 0.5 && last.trainAcc - last.heldOutAcc > 0.2) {
    notes.push({ id: 'overfit', tone: 'warn', text: 'Training words are right far more often than held-out ones: the model is memorising rather than learning the rule.' });
  }
  return notes;
}
