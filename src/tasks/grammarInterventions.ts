// Interventions on the grammar model, measured on held-out sentences (`npm run eval -- grammar
// --ablate decoder.1.0`, the model card, the lesson "Proving what a head does"). Each sentence runs
// through the app's own forward() with the interventions applied, so these numbers are exactly what
// the playground shows.
import {
  allHeads,
  forward,
  formatHeadRef,
  headPatchFrom,
  type HeadRef,
  type Interventions,
  type Model,
} from '../model';
import { INTRANSITIVE, NOUNS, TRANSITIVE, grammarId, type Sentence } from './grammar';
import { BOS } from './vocab';

/** Share of sentences with p(right verb) > p(wrong verb), overall and with an attractor noun. */
export interface AgreementRate {
  all: number;
  attractor: number;
  n: number;
  nAttractor: number;
}

/** <bos> and the words before the main verb: the last row predicts the verb. */
export const prefixIds = (s: Sentence): number[] => [BOS, ...s.words.slice(0, s.verb).map(grammarId)];

/** logit(right verb) − logit(wrong verb) at the last row, for one run. */
function verbMargin(model: Model, s: Sentence, interventions?: Interventions): number {
  const ids = prefixIds(s);
  const r = forward(model, { tokens: ids }, { trace: 'none', interventions });
  const V = model.config.vocabSize;
  const row = (ids.length - 1) * V;
  return r.logits.data[row + grammarId(s.words[s.verb])] - r.logits.data[row + grammarId(s.wrongVerb)];
}

/** Agreement of the model on `sentences`, with `interventions` applied to every run. */
export function agreementWith(model: Model, sentences: readonly Sentence[], interventions?: Interventions): AgreementRate {
  let hits = 0;
  let att = 0;
  let attHits = 0;
  for (const s of sentences) {
    const ok = verbMargin(model, s, interventions) > 0;
    if (ok) hits++;
    if (s.attractor) {
      att++;
      if (ok) attHits++;
    }
  }
  return { all: hits / sentences.length, attractor: attHits / att, n: sentences.length, nAttractor: att };
}

const otherNumber = (pairs: [string, string][], w: string): string | undefined => {
  for (const [sg, pl] of pairs) {
    if (w === sg) return pl;
    if (w === pl) return sg;
  }
  return undefined;
};

/**
 * The same sentence with the subject in the other number (and, in a subject relative, the clause
 * verb that agrees with it): "the dog that the cats chase" ↔ "the dogs that the cats chase".
 * Same length, so a run of one can be patched into a run of the other.
 */
export function flipSubject(s: Sentence): Sentence {
  const words = [...s.words];
  words[s.subject] = otherNumber(NOUNS, words[s.subject])!;
  if (s.kind === 'subject-relative') words[s.subject + 2] = otherNumber(TRANSITIVE, words[s.subject + 2])!;
  const verb = otherNumber([...TRANSITIVE, ...INTRANSITIVE], words[s.verb])!;
  words[s.verb] = verb;
  return { ...s, words, plural: !s.plural, wrongVerb: s.words[s.verb], attractor: s.kind !== 'simple' && !s.attractor };
}

/**
 * Share of sentences whose verb preference flips when head `h`'s output is patched in from the
 * sentence with the other subject number: the run still sees "the dog …", but prefers the plural verb.
 */
export function patchFlipRate(model: Model, sentences: readonly Sentence[], h: HeadRef): number {
  let flips = 0;
  for (const s of sentences) {
    const source = forward(model, { tokens: prefixIds(flipSubject(s)) }, { trace: 'full' }).trace;
    if (verbMargin(model, s, { patchHead: [headPatchFrom(source, h)] }) < 0) flips++;
  }
  return flips / sentences.length;
}

export interface InterventionReport {
  heads: HeadRef[]; // the heads ablated together
  clean: AgreementRate;
  ablated: AgreementRate;
  /** Every other head ablated alone (the control). */
  others: { head: HeadRef; agreement: AgreementRate }[];
  /** Patching each head in from the other-number sentence: share of sentences whose verb flips. */
  patchFlips: { head: HeadRef; rate: number }[];
  nPatch: number;
}

/** Agreement with and without the heads, every other head as a control, and the patching flip rates. */
export function interventionReport(model: Model, sentences: readonly Sentence[], heads: HeadRef[], nPatch = 500): InterventionReport {
  const zero = (hs: HeadRef[]): Interventions => ({ ablate: hs.map((h) => ({ ...h, mode: 'zero' })) });
  const chosen = new Set(heads.map(formatHeadRef));
  const all = allHeads(model.config);
  const patchSet = sentences.slice(0, nPatch);
  return {
    heads,
    clean: agreementWith(model, sentences),
    ablated: agreementWith(model, sentences, zero(heads)),
    others: all.filter((h) => !chosen.has(formatHeadRef(h))).map((head) => ({ head, agreement: agreementWith(model, sentences, zero([head])) })),
    patchFlips: all.map((head) => ({ head, rate: patchFlipRate(model, patchSet, head) })),
    nPatch: patchSet.length,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The report as `npm run eval` prints it. */
export function describeInterventions(r: InterventionReport): string[] {
  const names = r.heads.map(formatHeadRef).join(' + ');
  const line = (a: AgreementRate) => `${pct(a.all)} (with an attractor ${pct(a.attractor)}, n=${a.nAttractor})`;
  return [
    `agreement without interventions: ${line(r.clean)} of ${r.clean.n} held-out sentences`,
    `agreement with ${names} ablated (output zeroed before W_O): ${line(r.ablated)}`,
    `control, every other head ablated alone: ${r.others.map((o) => `${formatHeadRef(o.head)} ${pct(o.agreement.all)}`).join(', ')}`,
    `patching one head from the same sentence with the other subject number flips the verb (first ${r.nPatch} sentences):`,
    `  ${r.patchFlips.map((p) => `${formatHeadRef(p.head)} ${pct(p.rate)}`).join(', ')}`,
  ];
}
