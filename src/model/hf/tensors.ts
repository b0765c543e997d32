// Looks up a checkpoint's tensors by their Hugging Face state_dict names and checks each shape
// against what config.json implies, so a mismatch is refused in one sentence naming the tensor.
import { ModelFileError } from '../errors';
import type { AttentionWeights, LinearWeights, NormWeights } from '../model';
import type { Tensor } from '../tensor';

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);
const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

/** The transpose of a 2-D tensor: [rows, cols] → [cols, rows]. */
export function transpose(t: Tensor): Tensor {
  const [rows, cols] = t.shape;
  const out = new Float32Array(rows * cols); // [cols, rows]
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = t.data[r * cols + c];
  return { data: out, shape: [cols, rows] };
}

/** Stacks tensors along their first dimension (W_Q, W_K, W_V → in_proj [3d, d]). */
export function stackRows(parts: readonly Tensor[]): Tensor {
  const total = parts.reduce((n, p) => n + p.data.length, 0);
  const out = new Float32Array(total); // [Σ rows, ...rest]
  let offset = 0;
  for (const p of parts) {
    out.set(p.data, offset);
    offset += p.data.length;
  }
  const rows = parts.reduce((n, p) => n + p.shape[0], 0);
  return { data: out, shape: [rows, ...parts[0].shape.slice(1)] };
}

/** A checkpoint's tensors under one name prefix (e.g. "bert.", or "" when the file has none). */
export class HfTensors {
  constructor(
    private readonly tensors: ReadonlyMap<string, Tensor>,
    readonly prefix = '',
  ) {}

  /** The first prefix under which `probe` exists (checkpoints saved from a bare or a head model differ). */
  static withPrefix(
    tensors: ReadonlyMap<string, Tensor>,
    probe: string,
    prefixes: readonly string[],
  ): HfTensors {
    const found = prefixes.find((p) => tensors.has(p + probe));
    if (found === undefined)
      throw new ModelFileError(
        `the checkpoint has no tensor ${prefixes[0]}${probe}, so its weights do not match config.json`,
      );
    return new HfTensors(tensors, found);
  }

  has(name: string): boolean {
    return this.tensors.has(this.prefix + name);
  }

  /** The tensor `name` (after the prefix), which must have `shape`. */
  get(name: string, shape: readonly number[]): Tensor {
    const full = this.prefix + name;
    const t = this.tensors.get(full);
    if (!t) throw new ModelFileError(`the checkpoint has no tensor ${full} (expected shape ${fmt(shape)})`);
    if (!sameShape(t.shape, shape))
      throw new ModelFileError(
        `tensor ${full} has shape ${fmt(t.shape)}, but config.json implies ${fmt(shape)}`,
      );
    return t;
  }

  /** nn.Linear weights, already [out, in]. */
  linear(name: string, out: number, inp: number): LinearWeights {
    return { weight: this.get(`${name}.weight`, [out, inp]), bias: this.get(`${name}.bias`, [out]) };
  }

  /** GPT-2's Conv1D: weight stored [in, out], transposed here to Linear's [out, in]. */
  conv1d(name: string, inp: number, out: number): LinearWeights {
    return {
      weight: transpose(this.get(`${name}.weight`, [inp, out])),
      bias: this.get(`${name}.bias`, [out]),
    };
  }

  /** LayerNorm gain and shift; old BERT files call them gamma and beta. */
  norm(name: string, d: number): NormWeights {
    if (!this.has(`${name}.weight`) && this.has(`${name}.gamma`))
      return { weight: this.get(`${name}.gamma`, [d]), bias: this.get(`${name}.beta`, [d]) };
    return { weight: this.get(`${name}.weight`, [d]), bias: this.get(`${name}.bias`, [d]) };
  }

  /** Separate q/k/v/out projections (BERT, DistilBERT, Marian), stacked as nn.MultiheadAttention's in_proj. */
  attention(q: string, k: string, v: string, out: string, d: number): AttentionWeights {
    const [lq, lk, lv] = [q, k, v].map((n) => this.linear(n, d, d));
    return {
      inProj: {
        weight: stackRows([lq.weight, lk.weight, lv.weight]),
        bias: stackRows([lq.bias, lk.bias, lv.bias]),
      },
      outProj: this.linear(out, d, d),
    };
  }
}
