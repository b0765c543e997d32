// Every demo set where its effect is large and visible, measured on the shipped model files: the
// state a step sets (stateAtStep) is run through the real model and the effect the prose promises
// is checked. If a model is retrained or a step's input changes, these fail before a student sees
// a flat demo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenizer, encode, forward, getTensor, layerNorm, loadModel, tracePath, type Model, type Tensor } from '../model/index';
import { rowStats } from '../components/lesson/widgets/stats';
import { loadLesson } from './registry';
import { stateAtStep } from './stepState';
import { viewForModel } from '../panels/modelView';
import type { Lesson } from './types';

const dir = join(__dirname, '..', '..', 'public', 'models');
const model = (name: string) => loadModel(new Uint8Array(readFileSync(join(dir, `${name}.safetensors`))));
const ids = (m: Model, text: string) => encode(createTokenizer(m), text).ids;
const stepOf = (l: Lesson, title: string) => {
  const i = l.steps.findIndex((s) => s.title === title);
  expect(i, title).toBeGreaterThanOrEqual(0);
  return i + 1;
};
/** The last position's probabilities, most probable first. */
function lastRow(m: Model, text: string, opts: Parameters<typeof forward>[2] = {}) {
  const r = forward(m, { tokens: ids(m, text) }, { trace: 'none', ...opts });
  const [T, V] = r.probs.shape;
  const row = Array.from(r.probs.data.subarray((T - 1) * V, T * V));
  const order = row.map((_, i) => i).sort((a, b) => row[b] - row[a]);
  return { row, top: order[0], piece: (i: number) => m.vocab![i] };
}

describe('demos show their effect on the shipped models', async () => {
  const grammar = model('grammar');

  it('LayerNorm (residuals step 3): the spread before and after differs by at least 2× for most tokens', async () => {
    const l = await loadLesson('residuals-and-layer-norm');
    const st = stateAtStep(l, stepOf(l, 'What LayerNorm computes'));
    expect(st.model).toBe('grammar');
    const r = forward(grammar, { tokens: ids(grammar, st.input!) }, { trace: 'full' });
    const layer = st.layer!;
    // pre-norm: the first LayerNorm of `layer` reads the stream entering it
    const x = (layer === 0 ? getTensor(r.trace, tracePath.stack('decoder', 'input')) : getTensor(r.trace, tracePath.layer('decoder', layer - 1, 'output'))) as Tensor; // [S, dModel]
    const d = x.shape[1];
    const y = layerNorm(x, { data: new Float32Array(d).fill(1), shape: [d] }, { data: new Float32Array(d), shape: [d] }, 1e-5); // [S, dModel]
    const before = rowStats(x).map((s) => s.std);
    const after = rowStats(y).map((s) => s.std);
    const ratios = before.map((b, i) => Math.max(b / after[i], after[i] / b));
    expect(ratios[0]).toBeGreaterThanOrEqual(2); // the token the panel opens on
    expect(ratios.filter((q) => q >= 2).length / ratios.length).toBeGreaterThanOrEqual(0.5);
  });

  it('temperature (de-embedding step 3): a peaked distribution that T = 0.3 sharpens and T = 2.5 flattens a lot', async () => {
    const l = await loadLesson('de-embedding');
    const st = stateAtStep(l, stepOf(l, 'Temperature'));
    const t1 = lastRow(grammar, st.input!);
    const cold = lastRow(grammar, st.input!, { temperature: 0.3 });
    const hot = lastRow(grammar, st.input!, { temperature: 2.5 });
    expect(t1.row[t1.top]).toBeGreaterThan(0.4);
    expect(t1.row[t1.top]).toBeLessThan(0.8);
    expect(cold.row[t1.top]).toBeGreaterThan(0.9);
    expect(hot.row[t1.top]).toBeLessThan(0.5 * t1.row[t1.top]);
    expect(t1.piece(t1.top)).toBe('the'); // what the prose says
  });

  it('mask switch (masking step 7): full attention changes the top prediction, breaking agreement', async () => {
    const l = await loadLesson('masking');
    const st = stateAtStep(l, stepOf(l, 'Switch the mask on a trained decoder'));
    expect(st.mask).toBe('causal');
    const causal = lastRow(grammar, st.input!, { mask: 'causal' });
    const full = lastRow(grammar, st.input!, { mask: 'full' });
    expect(causal.top).not.toBe(full.top);
    expect(causal.piece(causal.top)).toBe('sleep'); // plural, agreeing with "birds"
    expect(full.piece(full.top)).toBe('sleeps');
    expect(full.row[causal.top]).toBeLessThan(0.05); // the causal favourite all but vanishes
  });

  it('masks combine (masking step 6) starts with padding; the prefix diagram uses the live grid’s P', async () => {
    const l = await loadLesson('masking');
    const combine = l.steps[stepOf(l, 'Masks combine') - 1].panels!.find((p) => p.panel === 'mask')!;
    expect(Number(combine.options?.padding)).toBeGreaterThanOrEqual(1);
    const n = stepOf(l, 'Prefix mask');
    const prefixPanel = l.steps[n - 1].panels!.find((p) => p.panel === 'mask')!;
    expect(prefixPanel.options?.prefix).toBe(stateAtStep(l, n).prefix);
  });

  it('compare the models (positional step 7): encoder-decoder models show their encoder, never a 1×1 grid', async () => {
    const l = await loadLesson('positional-encoding');
    const n = stepOf(l, 'Compare the models');
    const st = stateAtStep(l, n);
    expect(l.steps[n - 1].panels?.some((p) => p.panel === 'input' && p.options && 'pickModel' in p.options && p.options.pickModel)).toBe(true);
    for (const name of ['reverse', 'dates']) {
      expect(viewForModel({ name, arch: 'encoder-decoder' }).stack).toBe('encoder'); // what the model button selects
      const m = model(name);
      const r = forward(m, { src: ids(m, st.src!), tgt: [1] }, { trace: 'full' });
      const w = getTensor(r.trace, tracePath.attention('encoder', 0, 'selfAttention', 'weights')) as Tensor; // [nHeads, S, S]
      expect(w.shape[1]).toBeGreaterThanOrEqual(3);
    }
  });

  it('find the head (multi-head step 5) does not open on the head the model card names', async () => {
    const card = readFileSync(join(dir, 'grammar.md'), 'utf8');
    const [, layer, head] = /\| subject head L(\d)H(\d) \|/.exec(card)!.map(Number);
    const l = await loadLesson('multi-head-attention');
    const st = stateAtStep(l, stepOf(l, 'Heads of a trained model'));
    expect(st.layer === layer && st.head === head).toBe(false);
  });
});
