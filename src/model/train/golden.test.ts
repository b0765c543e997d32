// The trainer's forward pass against PyTorch's numbers (src/model/golden): if these logits
// match, the model the trainer optimises is the model the contract describes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forwardBatch } from './forward';
import { loadParams } from './serialize';

const dir = join(__dirname, '..', 'golden');
const ids = (s: string) => s.trim().split(/\s+/).map(Number);

// the prefix-mask case is left out: training uses only full and causal masks
const cases = ['encdec_sinusoidal_post_relu', 'encoder_sinusoidal_post_relu_pad', 'decoder_learned_pre_gelu_causal', 'encdec_none_pre_gelu_temp'];

describe('trainer forward matches the PyTorch golden traces', () => {
  for (const name of cases) {
    it(name, () => {
      const { params, config } = loadParams(new Uint8Array(readFileSync(join(dir, `${name}.safetensors`))));
      const { args, trace } = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { args: string[]; trace: { logits: number[][] } };
      const arg = (f: string) => args[args.indexOf(f) + 1];
      const tokens = ids(arg(config.arch === 'encoder-decoder' ? '--tgt' : '--input'));
      const src = config.arch === 'encoder-decoder' ? ids(arg('--src')) : undefined;
      const batch = {
        B: 1, tokens: new Int32Array(tokens), T: tokens.length,
        ...(src ? { src: new Int32Array(src), S: src.length } : {}),
      };
      const { logits } = forwardBatch(null, params, config, batch); // [T, V]
      const V = config.vocabSize;
      trace.logits.forEach((row, t) =>
        row.forEach((want, j) => {
          const got = logits.data[t * V + j];
          expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-4 + 1e-4 * Math.abs(want));
        }),
      );
    });
  }
});
