// The claims of lesson 16 ("Proving what a head does"), checked against the shipped grammar model:
// what the heatmap, the logit lens, the ablations and the patching sweep show on the lesson's own
// sentences, and that the held-out numbers it quotes are the card's (which grammarInterventions.test.ts
// holds to the model).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createTokenizer,
  encode,
  forward,
  formatHeadRef,
  getTensor,
  loadModel,
  parseHeadRef,
  patchingSweep,
  tracePath,
  type HeadRef,
} from '../model';
import { parseCardTable } from '../tasks/cardMetrics';
import { INTRANSITIVE, TRANSITIVE } from '../tasks/grammar';
import lesson, { CLAIMS } from './16-proving-what-a-head-does';
import { proseText } from './prose';

const models = join(import.meta.dirname, '..', '..', 'public', 'models');
const model = loadModel(new Uint8Array(readFileSync(join(models, 'grammar.safetensors'))));
const tokenizer = createTokenizer(model);
const ids = (text: string) => encode(tokenizer, text).ids;
const vocab = model.vocab!;
const V = model.config.vocabSize;
const PLURAL = new Set([...TRANSITIVE, ...INTRANSITIVE].map((p) => p[1]));
const SINGULAR = new Set([...TRANSITIVE, ...INTRANSITIVE].map((p) => p[0]));

/** The top token at the last row of logits [T, V]. */
const topOf = (logits: Float32Array, T: number) => {
  const row = logits.subarray((T - 1) * V, T * V);
  return vocab[row.indexOf(Math.max(...row))];
};
const run = (text: string, ablate: HeadRef[] = []) => forward(model, { tokens: ids(text) }, { lens: true, interventions: { ablate } });

describe('lesson 16: the claims hold on the shipped grammar model', () => {
  const T = ids(CLAIMS.attractor).length;

  it('step 1: layer 1 head 0 puts its weight on the subject at the verb position', () => {
    const w = getTensor(run(CLAIMS.attractor).trace, tracePath.attention('decoder', 1, 'selfAttention', 'weights'))!; // [nHeads, T, T]
    const row = Array.from(w.data.subarray((T - 1) * T, T * T)); // head 0, last query
    expect(ids(CLAIMS.attractor)[row.indexOf(Math.max(...row))]).toBe(vocab.indexOf('dogs'));
    expect(Math.max(...row)).toBeGreaterThan(0.9);
  });

  it('step 2: the logit lens prefers the singular after layer 0 and the plural after layer 1', () => {
    const r = run(CLAIMS.attractor);
    const lens = (l: number) => topOf(getTensor(r.trace, tracePath.lens('decoder', l))!.data, T);
    expect(SINGULAR.has(lens(0))).toBe(true);
    expect(PLURAL.has(lens(1))).toBe(true);
    expect(lens(1)).toBe(topOf(r.logits.data, T));
  });

  it('steps 3 and 4: knocking out the subject head flips the verb to the singular; the control head does not', () => {
    expect(topOf(run(CLAIMS.attractor).logits.data, T)).toBe('run');
    expect(topOf(run(CLAIMS.attractor, [parseHeadRef(CLAIMS.subjectHead)]).logits.data, T)).toBe('runs');
    expect(PLURAL.has(topOf(run(CLAIMS.attractor, [parseHeadRef(CLAIMS.controlHead)]).logits.data, T))).toBe(true);
  });

  it('step 5: patching the subject head from the plural sentence restores the plural; no other head does', () => {
    const clean = { tokens: ids(CLAIMS.clean) };
    const corrupted = { tokens: ids(CLAIMS.corrupted) };
    const r = patchingSweep(model, { clean, corrupted, position: clean.tokens.length - 1 });
    expect(PLURAL.has(vocab[r.clean.argmax]) && SINGULAR.has(vocab[r.corrupted.argmax])).toBe(true);
    const subject = r.cells.find((c) => formatHeadRef(c.head) === CLAIMS.subjectHead)!;
    expect(subject.restored).toBeGreaterThan(0.9);
    expect(PLURAL.has(vocab[subject.argmax])).toBe(true);
    for (const c of r.cells) if (c !== subject) expect(Math.abs(c.restored), formatHeadRef(c.head)).toBeLessThan(0.15);
  });

  it('quotes the card: the same numbers, in the prose of the steps that make the claims', () => {
    const card = parseCardTable(readFileSync(join(models, 'grammar.md'), 'utf8'));
    const prose = lesson.steps.map((s) => s.prose.map(proseText).join(' ')).join(' ');
    for (const [key, value] of Object.entries(CLAIMS.card)) {
      expect(card[key], key).toBeCloseTo(Number(value.replace('%', '')) / 100, 6);
      expect(prose).toContain(value.replace(/\.0%$/, '%'));
    }
  });
});
