// Tensors: flat row-major typed arrays with a shape. Plain data, so they cross to and from the
// worker with `transfer` and serialise to nested arrays for the CLI.

/** A float tensor: `data[i0*shape[1]*… + …]`, row-major. */
export interface Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** A boolean tensor (1 = true), e.g. an attention mask where true = blocked. */
export interface BoolTensor {
  readonly data: Uint8Array;
  readonly shape: readonly number[];
}

/** An integer tensor, e.g. token ids or argmax. */
export interface IntTensor {
  readonly data: Int32Array;
  readonly shape: readonly number[];
}

export type AnyTensor = Tensor | BoolTensor | IntTensor;

/** Number of elements for a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A zero float tensor of the given shape. */
export function zeros(shape: readonly number[]): Tensor {
  return { data: new Float32Array(sizeOf(shape)), shape: [...shape] };
}

/** Nested number arrays (for JSON), e.g. [2][3] → [[a,b,c],[d,e,f]]; booleans for BoolTensor. */
export function toNested(t: AnyTensor): unknown {
  const isBool = t.data instanceof Uint8Array;
  const build = (dim: number, offset: number): unknown => {
    const n = t.shape[dim];
    if (dim === t.shape.length - 1) {
      const row: unknown[] = new Array(n);
      for (let i = 0; i < n; i++) row[i] = isBool ? t.data[offset + i] === 1 : t.data[offset + i];
      return row;
    }
    const stride = sizeOf(t.shape.slice(dim + 1));
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = build(dim + 1, offset + i * stride);
    return out;
  };
  if (t.shape.length === 0) return isBool ? t.data[0] === 1 : t.data[0];
  return build(0, 0);
}
