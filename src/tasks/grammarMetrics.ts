// Metrics of the grammar models. Decoder-only: at the position that predicts the main verb,
// does the right number get more probability than the wrong one, and which heads look at the
// subject? Encoder-only (masked): masked-word accuracy and agreement with the verb masked.
import { headRow } from '../model/train/attentionStats';
import { makeBatch, type Example } from '../model/train/batch';
import type { TrainConfig } from '../model/train/config';
import { argmax } from '../model/sample';
import { attentionKey, forwardBatch } from '../model/train/forward';
import type { Params } from '../model/train/params';
import { ADJECTIVES, INTRANSITIVE, NOUNS, TRANSITIVE, grammarId, grammarVocab, type Sentence } from './grammar';
import { BOS, EOS } from './vocab';

/** Decoder-only example: <bos> w1 … wn → w1 … wn <eos>. Row `s.verb` predicts the main verb. */
export function grammarExample(s: Sentence): Example {
  const ids = s.words.map(grammarId);
  return { tokens: [BOS, ...ids], targets: [...ids, EOS] };
}

/** Masked example: the words with word `at` replaced by <mask>; only that position is scored. */
export function maskedExample(s: Sentence, at: number): Example {
  const ids = s.words.map(grammarId);
  const tokens = [...ids];
  tokens[at] = grammarId('<mask>');
  const targets = ids.map((t, i) => (i === at ? t : -1));
  return { tokens, targets };
}

/** Training sampler for masked-grammar: half the time the main verb is masked. */
export function maskedSample(next: (rand: () => number) => Sentence) {
  return (rand: () => number): Example => {
    const s = next(rand);
    const at = rand() < 0.5 ? s.verb : Math.floor(rand() * s.words.length);
    return maskedExample(s, at);
  };
}

export interface Agreement {
  all: number; // share of sentences where p(right verb) > p(wrong verb)
  attractor: number; // … among those with an intervening noun of the other number
  noAttractor: number;
  nAttractor: number;
}

export interface HeadRate {
  layer: number;
  head: number;
  rate: number; // share of complex sentences whose strongest key is the subject noun
}

export interface GrammarMetrics {
  n: number;
  agreement: Agreement;
  byKind: Record<string, number>;
  heads: HeadRate[]; // sorted, best first
}

function agreementOf(hits: { ok: boolean; s: Sentence }[]): Agreement {
  const rate = (xs: typeof hits) => (xs.length ? xs.filter((x) => x.ok).length / xs.length : NaN);
  const att = hits.filter((x) => x.s.attractor);
  return { all: rate(hits), attractor: rate(att), noAttractor: rate(hits.filter((x) => !x.s.attractor)), nAttractor: att.length };
}

/** Log-probability comparison needs only logits: softmax is monotone within one row. */
function prefers(logits: Float32Array, row: number, V: number, right: number, wrong: number): boolean {
  return logits[row * V + right] > logits[row * V + wrong];
}

export function grammarMetrics(p: Params, c: TrainConfig, sentences: Sentence[]): GrammarMetrics {
  const V = c.vocabSize;
  const hits: { ok: boolean; s: Sentence }[] = [];
  const headHits = new Float64Array(c.nLayers * c.nHeads);
  let complex = 0;
  for (let start = 0; start < sentences.length; start += 250) {
    const part = sentences.slice(start, start + 250);
    const batch = makeBatch(part.map(grammarExample), c.padId ?? 0);
    const { logits, attention } = forwardBatch(null, p, c, batch); // [B·T, V]
    part.forEach((s, b) => {
      const row = b * batch.T + s.verb; // the row whose input is the word just before the verb
      hits.push({ ok: prefers(logits.data, row, V, grammarId(s.words[s.verb]), grammarId(s.wrongVerb)), s });
      if (s.kind === 'simple') return; // there the subject is the query itself
      complex++;
      for (let l = 0; l < c.nLayers; l++) {
        const w = attention.get(attentionKey('decoder', l, 'selfAttention'))!; // [B, nHeads, T, T]
        for (let h = 0; h < c.nHeads; h++) {
          const r = headRow(w, c.nHeads, batch.T, batch.T, b, h, s.verb); // [T]
          if (argmax(r, 0, s.verb + 1) === s.subject + 1) headHits[l * c.nHeads + h]++; // +1: <bos>
        }
      }
    });
  }
  const heads: HeadRate[] = [];
  for (let l = 0; l < c.nLayers; l++) for (let h = 0; h < c.nHeads; h++) heads.push({ layer: l, head: h, rate: headHits[l * c.nHeads + h] / complex });
  heads.sort((a, b) => b.rate - a.rate);
  const byKind: Record<string, number> = {};
  for (const k of ['simple', 'subject-relative', 'object-relative', 'prepositional']) {
    const xs = hits.filter((x) => x.s.kind === k);
    byKind[k] = xs.filter((x) => x.ok).length / xs.length;
  }
  return { n: sentences.length, agreement: agreementOf(hits), byKind, heads };
}

export interface MaskedMetrics {
  n: number;
  maskedWordAccuracy: number; // a uniformly chosen word masked: argmax = the word
  /** Same masks: argmax has the right word class — and, for nouns and verbs, the right number —
   *  a fair score where the grammar allows many words (any noun fits "the ___ runs"). */
  rightClass: number;
  byClass: Record<string, number>; // masked-word accuracy per class of the masked word
  verbAgreement: Agreement; // main verb masked: p(right number) > p(wrong number)
  verbExact: number; // main verb masked: argmax = the verb exactly (lemma and number)
  heads: HeadRate[]; // main verb masked: heads whose strongest key (from the mask) is the subject
}

/** Word class and number of a grammar word, e.g. "noun-pl", "verb-sg", "the". */
function wordClass(w: string): string {
  const n = NOUNS.findIndex((p) => p.includes(w));
  if (n >= 0) return NOUNS[n][0] === w ? 'noun-sg' : 'noun-pl';
  for (const verbs of [TRANSITIVE, INTRANSITIVE]) {
    const v = verbs.findIndex((p) => p.includes(w));
    if (v >= 0) return verbs[v][0] === w ? 'verb-sg' : 'verb-pl';
  }
  if (ADJECTIVES.includes(w)) return 'adjective';
  return w; // the, that, near, ., specials: their own class
}
const coarse = (c: string) => (c.startsWith('noun') ? 'noun' : c.startsWith('verb') ? 'verb' : c === 'adjective' ? 'adjective' : 'function word');

export function maskedMetrics(p: Params, c: TrainConfig, sentences: Sentence[], rand: () => number): MaskedMetrics {
  const V = c.vocabSize;
  let wordHits = 0;
  let classHits = 0;
  let verbExact = 0;
  const perClass: Record<string, [number, number]> = {};
  const headHits = new Float64Array(c.nLayers * c.nHeads);
  let complex = 0;
  const hits: { ok: boolean; s: Sentence }[] = [];
  for (let start = 0; start < sentences.length; start += 250) {
    const part = sentences.slice(start, start + 250);
    const positions = part.map((s) => Math.floor(rand() * s.words.length));
    for (const verbMasked of [false, true]) {
      const examples = part.map((s, i) => maskedExample(s, verbMasked ? s.verb : positions[i]));
      const batch = makeBatch(examples, c.padId ?? 0);
      const { logits, attention } = forwardBatch(null, p, c, batch); // [B·T, V]
      part.forEach((s, b) => {
        const at = verbMasked ? s.verb : positions[b];
        const row = b * batch.T + at;
        const best = argmax(logits.data, row * V, V);
        if (!verbMasked) {
          const cls = coarse(wordClass(s.words[at]));
          perClass[cls] ??= [0, 0];
          perClass[cls][1]++;
          if (best === grammarId(s.words[at])) {
            wordHits++;
            perClass[cls][0]++;
          }
          if (wordClass(grammarVocab[best]) === wordClass(s.words[at])) classHits++;
          return;
        }
        if (best === grammarId(s.words[s.verb])) verbExact++;
        if (s.kind !== 'simple') {
          complex++;
          for (let l = 0; l < c.nLayers; l++) {
            const w = attention.get(attentionKey('encoder', l, 'selfAttention'))!; // [B, nHeads, T, T]
            for (let h = 0; h < c.nHeads; h++) {
              const r = headRow(w, c.nHeads, batch.T, batch.T, b, h, s.verb); // [T] from the masked verb
              if (argmax(r, 0, s.words.length) === s.subject) headHits[l * c.nHeads + h]++;
            }
          }
        }
        hits.push({ ok: prefers(logits.data, row, V, grammarId(s.words[s.verb]), grammarId(s.wrongVerb)), s });
      });
    }
  }
  const n = sentences.length;
  const heads: HeadRate[] = [];
  for (let l = 0; l < c.nLayers; l++) for (let h = 0; h < c.nHeads; h++) heads.push({ layer: l, head: h, rate: headHits[l * c.nHeads + h] / complex });
  heads.sort((a, b) => b.rate - a.rate);
  const byClass = Object.fromEntries(Object.entries(perClass).map(([k, [h, t]]) => [k, h / t]));
  return { n, maskedWordAccuracy: wordHits / n, rightClass: classHits / n, byClass, verbAgreement: agreementOf(hits), verbExact: verbExact / n, heads };
}
