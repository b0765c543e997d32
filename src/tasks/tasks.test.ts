// The data generators: deterministic from a seed, and no held-out item ever reaches training.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../model/train/rng';
import { DAY_COUNT, FORMATS, FORMAT_COUNT, HELD_OUT_FORMATS, MAX_SOURCE, MONTHS, TRAIN_FORMATS, datesVocab, dateAt, formatKey, heldOutDates, isHeldOutDate, randomNoise, renderDate, sampleDate, encodeDateText } from './dates';
import { grammarId, heldOutSentences, isHeldOutSentence, randomSentence, trainingSentence } from './grammar';
import { heldOutWords, reverseVocab, sampleReverse } from './reverse';
import { isHeldOut } from './split';

const text = (ids: number[], vocab: string[]) => ids.map((i) => vocab[i]).join('');

describe('reverse data', () => {
  it('never trains on a held-out word, and the same seed gives the same data', () => {
    const held = new Set(heldOutWords(500, seededRandom(1)));
    expect(held.size).toBe(500);
    const rand = seededRandom(2);
    for (let i = 0; i < 5000; i++) {
      const e = sampleReverse(rand);
      const w = text(e.src!, reverseVocab);
      expect(held.has(w)).toBe(false);
      expect(isHeldOut(w)).toBe(false);
      expect(text(e.targets.slice(0, -1), reverseVocab)).toBe([...w].reverse().join(''));
    }
    expect(heldOutWords(50, seededRandom(1))).toEqual([...held].slice(0, 50));
  });
});

describe('dates data', () => {
  it('holds out about a tenth of the calendar, in every format', () => {
    let n = 0;
    for (let d = 0; d < DAY_COUNT; d++) if (isHeldOutDate(d)) n++;
    expect(n / DAY_COUNT).toBeGreaterThan(0.08);
    expect(n / DAY_COUNT).toBeLessThan(0.12);
    const heldIso = new Set(heldOutDates(2000, seededRandom(3)).map((d) => d.iso));
    expect(heldIso.size).toBe(2000);
    const rand = seededRandom(4);
    for (let i = 0; i < 5000; i++) {
      const e = sampleDate(rand);
      expect(heldIso.has(text(e.targets.slice(0, -1), datesVocab))).toBe(false);
    }
  });

  it('holds out whole formats: about one in eight, never drawn for training', () => {
    expect(FORMAT_COUNT).toBeGreaterThan(500);
    expect(HELD_OUT_FORMATS.length / FORMAT_COUNT).toBeGreaterThan(0.08);
    expect(HELD_OUT_FORMATS.length / FORMAT_COUNT).toBeLessThan(0.17);
    const held = new Set(HELD_OUT_FORMATS.map(formatKey));
    expect(TRAIN_FORMATS.some((f) => held.has(formatKey(f)))).toBe(false);
    const rand = seededRandom(9);
    const src = datesVocab;
    for (let i = 0; i < 3000; i++) {
      const e = sampleDate(rand);
      expect(e.src!.length).toBeLessThanOrEqual(MAX_SOURCE);
      expect(e.src!.every((id) => id > 2 && id < src.length)).toBe(true);
    }
    // the held-out-format set really uses held-out formats
    for (const d of heldOutDates(200, seededRandom(10), HELD_OUT_FORMATS)) expect(held.has(d.format)).toBe(true);
    for (const d of heldOutDates(200, seededRandom(10))) expect(held.has(d.format)).toBe(false);
  });

  it('marks the year, month and day spans in every format, with noise', () => {
    const rand = seededRandom(5);
    for (let i = 0; i < FORMAT_COUNT * 2; i++) {
      const d = dateAt(Math.floor(rand() * DAY_COUNT));
      const t = renderDate(d, FORMATS[i % FORMAT_COUNT], randomNoise(rand));
      expect(() => encodeDateText(t.text)).not.toThrow();
      const year = t.text.slice(...t.year);
      expect(year.length === 2 ? Number(year) === d.year % 100 : Number(year) === d.year).toBe(true);
      const month = t.text.slice(...t.month).toLowerCase();
      expect(/^\d+$/.test(month) ? Number(month) : MONTHS.findIndex((m) => m.startsWith(month)) + 1).toBe(d.month);
      expect(parseInt(t.text.slice(...t.day), 10)).toBe(d.day);
      expect(t.iso).toBe(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`);
    }
  });
});

describe('grammar data', () => {
  it('agrees: the main verb has the number of the subject noun', () => {
    const rand = seededRandom(6);
    for (let i = 0; i < 500; i++) {
      const s = randomSentence(rand);
      expect(s.words[s.subject].endsWith('s')).toBe(s.plural);
      expect(s.words[s.verb].endsWith('s')).toBe(!s.plural); // "runs" is singular
      expect(s.wrongVerb.endsWith('s')).toBe(s.plural);
      s.words.forEach((w) => grammarId(w));
    }
  });

  it('never trains on a held-out sentence', () => {
    const held = new Set(heldOutSentences(500, seededRandom(7)).map((s) => s.words.join(' ')));
    const rand = seededRandom(8);
    for (let i = 0; i < 5000; i++) {
      const s = trainingSentence(rand);
      expect(isHeldOutSentence(s)).toBe(false);
      expect(held.has(s.words.join(' '))).toBe(false);
    }
  });
});
