// The grammar card's intervention numbers (and so the lesson "Proving what a head does") held to the
// shipped model: measured here on 400 of the card's 2,000 held-out sentences (patching on 200).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, parseHeadRef } from '../model';
import { seededRandom } from '../model/train/rng';
import { parseCardTable } from './cardMetrics';
import { HELD_OUT_SEED } from './evaluateTask';
import { heldOutSentences } from './grammar';
import { flipSubject, interventionReport } from './grammarInterventions';

const dir = join(import.meta.dirname, '..', '..', 'public', 'models');
const model = loadModel(new Uint8Array(readFileSync(join(dir, 'grammar.safetensors'))));
const card = parseCardTable(readFileSync(join(dir, 'grammar.md'), 'utf8'));
const SAMPLE = 400;
const sentences = heldOutSentences(SAMPLE, seededRandom(HELD_OUT_SEED));

describe('grammar model: what ablating and patching the subject head does', { timeout: 120_000 }, () => {
  it('flipSubject keeps the length and flips the subject, its clause verb and the main verb', () => {
    for (const s of sentences.slice(0, 50)) {
      const f = flipSubject(s);
      expect(f.words).toHaveLength(s.words.length);
      expect(f.words[s.subject]).not.toBe(s.words[s.subject]);
      expect(f.wrongVerb).toBe(s.words[s.verb]);
      expect(f.words.filter((w, i) => w !== s.words[i]).length).toBe(s.kind === 'subject-relative' ? 3 : 2);
    }
  });

  it('matches the card', () => {
    const r = interventionReport(model, sentences, [parseHeadRef('decoder.1.0')], 200);
    const others = r.patchFlips.filter((p) => !(p.head.layer === 1 && p.head.head === 0));
    const measured: Record<string, [number, number]> = {
      'agreement, decoder.1.0 ablated': [r.ablated.all, SAMPLE],
      'agreement with attractor, decoder.1.0 ablated': [r.ablated.attractor, r.ablated.nAttractor],
      'agreement, worst other head ablated': [Math.min(...r.others.map((o) => o.agreement.all)), SAMPLE],
      'verb flips, decoder.1.0 patched': [r.patchFlips.find((p) => p.head.layer === 1 && p.head.head === 0)!.rate, 200],
      'verb flips, best other head patched': [Math.max(...others.map((p) => p.rate)), 200],
    };
    for (const [key, [value, n]] of Object.entries(measured)) {
      expect(card[key], `card row "${key}"`).toBeDefined();
      // 3 standard errors of a sample of n (at least 1 point); the sample is fixed, so this never flickers
      const tol = Math.max(0.01, 3 * Math.sqrt((card[key] * (1 - card[key])) / n));
      expect(Math.abs(value - card[key]), `"${key}": card ${card[key]}, measured ${value}`).toBeLessThanOrEqual(tol);
    }
    // The lesson's claims, as claims: the head matters, the others do not.
    expect(r.clean.all).toBeGreaterThan(0.99);
    expect(r.ablated.all).toBeLessThan(r.clean.all - 0.2);
    expect(r.ablated.attractor).toBeLessThan(0.5);
  });
});
