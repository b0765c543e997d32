// Interventions and the logit lens against the PyTorch reference (scripts/reference/interventions.py,
// golden/interventions/): ablated, patched and lens traces within 1e-4, on the golden fixtures and
// on every shipped model, through forward() and through the trace CLI.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTraceCli } from './cli/run';
import { compareTrace, countLeaves, requestFromArgs } from './golden/fixtures';
import {
  assembleTrace,
  forward,
  headPatchFrom,
  loadModel,
  meanHeadOutputs,
  parseHeadRef,
  residualPatchFrom,
  traceToJson,
  type ForwardInput,
  type HeadAblation,
  type Interventions,
  type Model,
  type SublayerAblation,
} from './index';

const root = join(import.meta.dirname, '..', '..');
const dir = join(import.meta.dirname, 'golden', 'interventions');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown> & { model: string; trace: unknown };
const modelBytes = (path: string) => new Uint8Array(readFileSync(join(root, path)));

/** The CLI flags of a case as forward() arguments, with --ablate and --lens parsed here. */
function cliRequest(args: string[]) {
  const plain: string[] = [];
  const ablate: HeadAblation[] = [];
  let lens = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lens') lens = true;
    else if (args[i] === '--ablate') ablate.push({ ...parseHeadRef(args[++i]), mode: 'zero' });
    else plain.push(args[i], args[++i]);
  }
  const { input, options } = requestFromArgs(plain);
  return { input, options: { ...options, lens, interventions: { ablate } } };
}

interface Spec {
  ablate?: (HeadAblation & { meanOver?: ForwardInput[] })[];
  ablateSublayer?: SublayerAblation[];
  patchHead?: (HeadAblation & { from: ForwardInput })[];
  patchResidual?: { stack: 'encoder' | 'decoder'; layer: number; position: number; from: ForwardInput }[];
}

/** The reference's recipe turned into interventions with this code's own helpers. */
function interventionsOf(model: Model, spec: Spec): Interventions {
  const full = (x: ForwardInput) => forward(model, x, { trace: 'full' }).trace;
  return {
    ablate: (spec.ablate ?? []).map(({ meanOver, ...a }) =>
      a.mode === 'mean' ? { ...a, mean: meanHeadOutputs(model, meanOver ?? [], a) } : a,
    ),
    ablateSublayer: spec.ablateSublayer ?? [],
    patchHead: (spec.patchHead ?? []).map(({ from, ...h }) => headPatchFrom(full(from), h)),
    patchResidual: (spec.patchResidual ?? []).map((p) => residualPatchFrom(full(p.from), p.stack, p.layer, p.position)),
  };
}

describe('interventions and lens equal the PyTorch reference', () => {
  it('covers the golden fixtures and every shipped model', () => {
    const models = new Set(files.map((f) => read(f).model));
    for (const m of ['grammar', 'masked-grammar', 'reverse', 'dates']) expect(models).toContain(`public/models/${m}.safetensors`);
    expect(files.filter((f) => f.startsWith('cli_') && read(f).model.startsWith('src/'))).toHaveLength(5);
  });

  for (const file of files) {
    const c = read(file);
    it(`forward(): ${file}`, () => {
      const model = loadModel(modelBytes(c.model));
      const { input, options } = file.startsWith('cli_')
        ? cliRequest(c.args as string[])
        : { input: c.input as ForwardInput, options: { lens: true, interventions: interventionsOf(model, c.interventions as Spec) } };
      const actual = traceToJson(assembleTrace(forward(model, input, options).trace));
      expect(countLeaves(c.trace)).toBeGreaterThan(300);
      expect(compareTrace(c.trace, actual)).toEqual([]);
    });
    if (file.startsWith('cli_'))
      it(`trace CLI: ${file}`, () => {
        const out = runTraceCli(['--model', join(root, c.model), ...(c.args as string[])], (p) => new Uint8Array(readFileSync(p)));
        expect(out.stderr).toBe('');
        expect(compareTrace(c.trace, JSON.parse(out.stdout))).toEqual([]);
      });
  }

  it('an intervention changes the run (the comparison can fail)', () => {
    const c = read('cli_grammar.json');
    const model = loadModel(modelBytes(c.model));
    const { input } = cliRequest(c.args as string[]);
    const plain = traceToJson(assembleTrace(forward(model, input, { lens: true }).trace));
    expect(compareTrace(c.trace, plain).length).toBeGreaterThan(0);
  });
});
