// Held-out evaluation of a shipped model file, shared by `npm run eval` and the tests that
// check each model card's numbers. Held-out sets come from a fixed seed, so they are stable.
import { seededRandom } from '../model/train/rng';
import { loadParams } from '../model/train/serialize';
import { HANDWRITTEN, HELD_OUT_FORMATS, heldOutDates } from './dates';
import { datesMetrics, exactMatchOn, type DatesMetrics } from './datesMetrics';
import { heldOutSentences } from './grammar';
import { grammarMetrics, maskedMetrics, type GrammarMetrics, type MaskedMetrics } from './grammarMetrics';
import { heldOutWords } from './reverse';
import { reverseMetrics, type ReverseMetrics } from './reverseMetrics';

export const HELD_OUT_SEED = 2026;
export const TASKS = ['reverse', 'dates', 'grammar', 'masked-grammar'] as const;
export type TaskName = (typeof TASKS)[number];

export type TaskMetrics =
  | { task: 'reverse'; metrics: ReverseMetrics }
  | { task: 'dates'; metrics: DatesMetrics }
  | { task: 'grammar'; metrics: GrammarMetrics }
  | { task: 'masked-grammar'; metrics: MaskedMetrics };

/** Evaluates the model file `bytes` on the first `n` items of the task's held-out set. */
export function evaluateTask(task: TaskName, bytes: Uint8Array, n = 2000): TaskMetrics {
  const { params, config } = loadParams(bytes);
  const rand = seededRandom(HELD_OUT_SEED);
  switch (task) {
    case 'reverse':
      return { task, metrics: reverseMetrics(params, config, heldOutWords(n, rand)) };
    case 'dates': {
      const metrics = datesMetrics(params, config, heldOutDates(n, rand));
      metrics.heldOutFormats = exactMatchOn(params, config, heldOutDates(n, seededRandom(HELD_OUT_SEED + 1), HELD_OUT_FORMATS));
      metrics.handwritten = exactMatchOn(params, config, HANDWRITTEN.map(([text, iso]) => ({ text, iso })), HANDWRITTEN.length);
      return { task, metrics };
    }
    case 'grammar':
      return { task, metrics: grammarMetrics(params, config, heldOutSentences(n, rand)) };
    case 'masked-grammar':
      return { task, metrics: maskedMetrics(params, config, heldOutSentences(n, rand), seededRandom(HELD_OUT_SEED + 1)) };
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Human-readable lines of the metrics, as printed by `npm run eval`. */
export function describeMetrics(r: TaskMetrics): string[] {
  switch (r.task) {
    case 'reverse': {
      const m = r.metrics;
      return [`held-out words: ${m.n}`, `exact match: ${pct(m.exactMatch)}`, `anti-diagonal cross-attention (decoder layer 0, mean of heads): ${pct(m.antiDiagonal)}`];
    }
    case 'dates': {
      const m = r.metrics;
      return [
        `held-out dates in trained formats: ${m.n}`,
        `exact match: ${pct(m.exactMatch)}`,
        ...(m.heldOutFormats ? [`held-out dates in held-out formats (${m.heldOutFormats.n}): exact match ${pct(m.heldOutFormats.exactMatch)}`] : []),
        ...(m.heldOutFormats?.failures ?? []).map((f) => `  miss: "${f.text}" → ${f.got} (want ${f.want})`),
        ...(m.handwritten ? [`hand-written dates (${m.handwritten.n}): exact match ${pct(m.handwritten.exactMatch)}`] : []),
        ...(m.handwritten?.failures ?? []).map((f) => `  miss: "${f.text}" → ${f.got} (want ${f.want})`),
        ...m.alignmentByLayer.map((a, l) => `cross-attention alignment, decoder layer ${l}: year ${pct(a.year)}, month ${pct(a.month)}, day ${pct(a.day)}, overall ${pct(a.overall)}`),
        `best-aligned decoder layer: ${m.bestLayer}`,
        ...m.failures.map((f) => `  miss: "${f.text}" → ${f.got} (want ${f.want})`),
      ];
    }
    case 'grammar': {
      const m = r.metrics;
      const a = m.agreement;
      return [
        `held-out sentences: ${m.n}`,
        `agreement (p(right verb) > p(wrong verb)): all ${pct(a.all)}, with an attractor noun of the other number ${pct(a.attractor)} (n=${a.nAttractor}), without ${pct(a.noAttractor)}`,
        `by sentence kind: ${Object.entries(m.byKind).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`,
        `heads whose strongest attention (at the token before the verb) is the subject noun:`,
        ...m.heads.slice(0, 4).map((h) => `  layer ${h.layer} head ${h.head}: ${pct(h.rate)}`),
      ];
    }
    case 'masked-grammar': {
      const m = r.metrics;
      const a = m.verbAgreement;
      return [
        `held-out sentences: ${m.n}`,
        `masked-word accuracy (one word masked at random): ${pct(m.maskedWordAccuracy)}`,
        `  by class of the masked word: ${Object.entries(m.byClass).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`,
        `  prediction of the right word class (and number, for nouns and verbs): ${pct(m.rightClass)}`,
        `main verb masked: agreement ${pct(a.all)} (attractor ${pct(a.attractor)}, n=${a.nAttractor}; without ${pct(a.noAttractor)}), exact verb ${pct(m.verbExact)}`,
        `heads whose strongest attention (from the masked verb) is the subject noun:`,
        ...m.heads.slice(0, 4).map((h) => `  layer ${h.layer} head ${h.head}: ${pct(h.rate)}`),
      ];
    }
  }
}
