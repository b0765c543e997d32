// The train playground's training loop in Node: a small task is learned, a seed fixes the run,
// the held-out set is never trained on, and one-pass exact match equals greedy decoding.
import { describe, expect, it } from 'vitest';
import { greedyDecodeBatch } from '../model/train/evaluate';
import { scoreExamples } from '../model/train/exactMatch';
import { isToyHeldOut, toyTasks, toyTrainingWord, toyWords } from '../tasks/toy';
import { BOS, EOS } from '../tasks/vocab';
import { seededRandom } from '../model/train/rng';
import { createSession, evaluateSession, probeSession, stepSession, exportSession } from './trainSession';
import { defaultSettings } from '../tasks/trainSettings';
import { loadModel } from '../model';

describe('toy tasks', () => {
  it('never draws a held-out word for training', () => {
    const rand = seededRandom(5);
    for (let i = 0; i < 2000; i++) expect(isToyHeldOut('reverse', toyTrainingWord('reverse', rand))).toBe(false);
    const held = toyWords('reverse', 50, seededRandom(6), true);
    expect(held.every((w) => isToyHeldOut('reverse', w))).toBe(true);
  });
  it('builds examples whose targets spell the answer', () => {
    const r = toyTasks.reverse.example('abc');
    expect(r.targets.slice(0, 3)).toEqual(r.src!.slice().reverse());
    expect(r.targets[3]).toBe(EOS);
    const ind = toyTasks.induction.example('abc');
    expect(ind.tokens.length).toBe(ind.targets.length);
    expect(ind.targets.filter((t) => t >= 0).length).toBe(4); // a, b, c and <eos>
    expect(toyTasks.sort.answer('cab')).toBe('abc');
  });
});

describe('training session', () => {
  it('learns sort to ≥ 95% held-out exact match within 300 steps', () => {
    const s = createSession(defaultSettings('sort'));
    const first = evaluateSession(s);
    expect(first.heldOutAcc).toBeLessThan(0.05);
    let best = 0;
    for (let i = 0; i < 300 && best < 0.95; i++) {
      stepSession(s);
      if (s.trainer.step % 50 === 0) best = evaluateSession(s).heldOutAcc;
    }
    expect(best).toBeGreaterThanOrEqual(0.95);
    const probe = probeSession(s);
    expect(probe.predicted).toBe(probe.expected);
    // the exported file opens in the app's own loader
    const model = loadModel(exportSession(s));
    expect(model.config.arch).toBe('encoder-decoder');
  }, 120_000);

  it('repeats a run bit for bit from its settings', () => {
    const run = () => {
      const s = createSession({ ...defaultSettings('reverse'), seed: 7 });
      return Array.from({ length: 5 }, () => stepSession(s).loss);
    };
    expect(run()).toEqual(run());
  });

  it('scores exact match in one pass exactly as greedy decoding does', () => {
    const s = createSession(defaultSettings('reverse'));
    for (let i = 0; i < 150; i++) stepSession(s); // part-trained: some right, some wrong
    const { params, config } = s.trainer;
    const words = toyWords('reverse', 100, seededRandom(3), true);
    const outs = greedyDecodeBatch(params, config, words.map((w) => toyTasks.reverse.example(w).src!), BOS, EOS, 12);
    const greedy = words.filter((w, i) => outs[i].length === w.length && outs[i].every((t, j) => t === toyTasks.reverse.example(w).targets[j])).length / words.length;
    const onePass = scoreExamples(params, config, words.map(toyTasks.reverse.example)).exactMatch;
    expect(onePass).toBe(greedy);
    expect(greedy).toBeGreaterThan(0);
    expect(greedy).toBeLessThan(1);
  }, 60_000);

  it('draws the probe for every layer and head', () => {
    const s = createSession({ ...defaultSettings('reverse'), layers: 2, heads: 4 });
    const maps = probeSession(s).maps;
    const key = (stack: string, i: number, kind: string) => `${stack}.layers.${i}.${kind}Attention.weights`;
    expect(maps.map((m) => m.key).sort()).toEqual([key('decoder', 0, 'cross'), key('decoder', 0, 'self'), key('decoder', 1, 'cross'), key('decoder', 1, 'self'), key('encoder', 0, 'self'), key('encoder', 1, 'self')]);
    const cross = maps.find((m) => m.key === key('decoder', 0, 'cross'))!;
    const n = toyTasks.reverse.probe.length;
    expect(cross.weights.length).toBe(4 * (n + 1) * n); // [nHeads, T, S]
    expect(cross.queryLabels[0]).toBe('<bos>');
    expect(cross.keyLabels.join('')).toBe(toyTasks.reverse.probe);
  });
});
