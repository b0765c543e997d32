// The WebAssembly SIMD path under the matrix products (src/model/ops/matmul.ts decides when to
// use it). The kernel itself (gemm.wat) multiplies packed blocks; this file owns its memory:
// packs each operand into the layout the kernel reads, keeps a model's weights packed in WASM
// memory across calls (packed once per model load, keyed by the weight array), and copies C out.
//
// The kernel walks each operand by strides, so A, a [K, N] B and C are copied in as they are
// (one memcpy each when contiguous); a B stored [N, K] (weights, Kᵀ) is packed into panels of 8
// columns, k-major [N/8][K][8], so each k step reads 8 contiguous floats.
import { GEMM_WASM_BASE64 } from './gemmWasm';

/** How an operand is stored in its Float32Array: 'rows' = as the product reads it, 'cols' = transposed. */
export interface Operand {
  data: Float32Array;
  off: number;
  /** A: false = [M, K], true = [K, M]. B: false = [K, N], true = [N, K] (PyTorch Linear layout). */
  trans: boolean;
  /** Floats between consecutive stored rows, when not packed tight (one head of [S, dModel]). */
  ld?: number;
}

interface GemmExports {
  memory: WebAssembly.Memory;
  gemm: (
    ap: number, ablk: number, ars: number, aks: number, bp: number, bps: number, bks: number,
    cp: number, ldc: number, biasp: number, M4: number, NP: number, k0: number, kc: number,
    mode: number, alpha: number,
  ) => void;
  gelu: (p: number, n: number) => void;
}

/** A block of WASM memory holding one packed weight matrix. */
interface Packed {
  ptr: number; // byte address
  bytes: number;
}

const ALIGN = 64; // cache-line aligned blocks
const PAGE = 65536;
/** k block per kernel call: a 4-row block of A (4 KB) and an 8-column panel block (8 KB) stay in L1. */
const KC = 256;

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/** Base64 → bytes without atob/Buffer (portable: worker, main thread, Node, tests). */
export function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) value[alphabet.charCodeAt(i)] = i;
  const clean = b64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | value[clean.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The kernel module's bytes (embedded at build time by scripts/build-kernels.ts). */
export function kernelBytes(): Uint8Array<ArrayBuffer> {
  return decodeBase64(GEMM_WASM_BASE64);
}

/** One instance of the kernel with its memory and its cache of packed weights. */
export class SimdKernel {
  private readonly wasm: GemmExports;
  private f32: Float32Array;
  /** End of the blocks handed out (cached weights); per-call scratch starts after it. */
  private top = 0;
  /** Freed blocks, reused first-fit. */
  private free: Packed[] = [];
  /** Packed weights by the weight array's buffer, then by `byteOffset:N:K`. */
  private cache = new WeakMap<ArrayBufferLike, Map<string, Packed>>();
  /** Frees a buffer's packed blocks once its weights are garbage-collected. */
  private readonly finalizer =
    typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry<Map<string, Packed>>((blocks) => blocks.forEach((b) => this.release(b)))
      : null;

  constructor(instance: WebAssembly.Instance) {
    this.wasm = instance.exports as unknown as GemmExports;
    this.f32 = new Float32Array(this.wasm.memory.buffer);
  }

  /** Bytes of WASM memory in use by cached weights (for tests and the bench). */
  get cachedBytes(): number {
    return this.top - this.free.reduce((s, b) => s + b.bytes, 0);
  }

  /** Drops every packed weight (the next product packs again). */
  clearCache(): void {
    this.cache = new WeakMap();
    this.top = 0;
    this.free = [];
  }

  /** Makes sure memory reaches `end` bytes; growing detaches old views, so the view is renewed. */
  private reserve(end: number): void {
    if (end <= this.f32.byteLength) return;
    const have = this.wasm.memory.buffer.byteLength;
    if (end > have) this.wasm.memory.grow(Math.ceil((end - have) / PAGE));
    this.f32 = new Float32Array(this.wasm.memory.buffer);
  }

  private allocate(bytes: number): Packed {
    bytes = alignUp(bytes, ALIGN);
    const i = this.free.findIndex((b) => b.bytes >= bytes);
    if (i >= 0) {
      const b = this.free[i];
      if (b.bytes === bytes) this.free.splice(i, 1);
      else this.free[i] = { ptr: b.ptr + bytes, bytes: b.bytes - bytes };
      return { ptr: b.ptr, bytes };
    }
    const block = { ptr: this.top, bytes };
    this.top += bytes;
    this.reserve(this.top);
    return block;
  }

  private release(block: Packed): void {
    this.free.push(block);
    this.free.sort((a, b) => a.ptr - b.ptr);
    const merged: Packed[] = [];
    for (const b of this.free) {
      const last = merged.at(-1);
      if (last && last.ptr + last.bytes === b.ptr) last.bytes += b.bytes;
      else merged.push({ ...b });
    }
    if (merged.length && merged.at(-1)!.ptr + merged.at(-1)!.bytes === this.top) this.top = merged.pop()!.ptr;
    this.free = merged;
  }

  /** Packs B (K × N, stored [N, K]) into 8-column panels [NP][K][8] at float index `dst`. */
  private packPanels(B: Operand, K: number, N: number, dst: number): void {
    const f = this.f32;
    f.fill(0, dst, dst + Math.ceil(N / 8) * 8 * K);
    const { data, off } = B;
    const ld = B.ld ?? K;
    for (let j = 0; j < N; j++) {
      const d = dst + (j >> 3) * K * 8 + (j & 7);
      for (let k = 0, s = off + j * ld; k < K; k++) f[d + 8 * k] = data[s + k];
    }
  }

  /** Copies a [rows, cols] block (row stride `ld` in `data`) to float index `dst` with row stride `ldDst`. */
  private copyIn(data: Float32Array, off: number, rows: number, cols: number, ld: number, dst: number, ldDst: number): void {
    const f = this.f32;
    if (ld === cols && ldDst === cols) f.set(data.subarray(off, off + rows * cols), dst);
    else if (cols >= 64) for (let i = 0; i < rows; i++) f.set(data.subarray(off + i * ld, off + i * ld + cols), dst + i * ldDst);
    else for (let i = 0; i < rows; i++) for (let j = 0, s = off + i * ld, t = dst + i * ldDst; j < cols; j++) f[t + j] = data[s + j]; // short rows: no view objects
  }

  /** Copies C [rows, cols] (row stride `ldSrc` in WASM memory) out to `c` at `off`, row stride `ld`. */
  private copyOut(src: number, ldSrc: number, rows: number, cols: number, c: Float32Array, off: number, ld: number): void {
    const f = this.f32;
    if (ldSrc === cols && ld === cols) c.set(f.subarray(src, src + rows * cols), off);
    else if (cols >= 64) for (let i = 0; i < rows; i++) c.set(f.subarray(src + i * ldSrc, src + i * ldSrc + cols), off + i * ld);
    else for (let i = 0; i < rows; i++) for (let j = 0, s = src + i * ldSrc, t = off + i * ld; j < cols; j++) c[t + j] = f[s + j];
  }

  /** The packed copy of a weight matrix, made on first use and kept while the weights live. */
  private packedWeights(B: Operand, K: number, N: number): Packed {
    const buffer = B.data.buffer;
    let blocks = this.cache.get(buffer);
    if (!blocks) {
      blocks = new Map();
      this.cache.set(buffer, blocks);
      this.finalizer?.register(buffer, blocks);
    }
    const key = `${B.data.byteOffset + 4 * B.off}:${N}:${K}:${B.ld ?? K}`;
    let block = blocks.get(key);
    if (!block) {
      block = this.allocate(Math.ceil(N / 8) * 8 * K * 4);
      this.packPanels(B, K, N, block.ptr / 4);
      blocks.set(key, block);
    }
    return block;
  }

  /**
   * C[M, N] (+)= alpha · A[M, K]·B[K, N] + bias[N], C row-major at `cOff`. `cacheB`: B is a model
   * weight stored [N, K] that does not change while the model is loaded — pack it once and keep
   * it. `accumulate`: add to what C holds (the trainer's gradients) instead of overwriting it.
   */
  gemm(
    M: number, N: number, K: number, A: Operand, B: Operand, c: Float32Array, cOff: number,
    bias: Float32Array | undefined, alpha: number, cacheB: boolean, accumulate: boolean, cLd = N,
  ): void {
    if (M === 0 || N === 0) return;
    const M4 = Math.ceil(M / 4);
    const NP = Math.ceil(N / 8);
    const Mp = 4 * M4;
    const ldc = N % 8 === 0 ? N : NP * 8; // floats per row of C in WASM memory
    const cached = cacheB && B.trans ? this.packedWeights(B, K, N) : null;
    // Scratch after the cached blocks: [A | B unless cached | C | bias], in floats.
    const aAt = alignUp(this.top, ALIGN) / 4;
    const aLen = A.trans ? K * M + 4 : Mp * K; // room for the padding rows the kernel reads
    const bAt = alignUp(4 * (aAt + aLen), ALIGN) / 4;
    const bLen = cached ? 0 : NP * 8 * K;
    const cAt = alignUp(4 * (bAt + bLen), ALIGN) / 4;
    const biasAt = alignUp(4 * (cAt + Mp * ldc), ALIGN) / 4;
    this.reserve(4 * (biasAt + NP * 8));
    const f = this.f32;

    // A: copied as it is stored; the strides (bytes) tell the kernel how to walk it.
    const ablk = A.trans ? 16 : 16 * K; // next block of 4 rows
    const ars = A.trans ? 4 : 4 * K; // next row
    const aks = A.trans ? 4 * M : 4; // next k
    if (A.trans) this.copyIn(A.data, A.off, K, M, A.ld ?? M, aAt, M); // [K, M]
    else {
      this.copyIn(A.data, A.off, M, K, A.ld ?? K, aAt, K); // [M, K]
      if (Mp > M) f.fill(0, aAt + M * K, aAt + Mp * K);
    }
    // B: panels of 8 columns [NP][K][8] when stored [N, K]; rows of [K, ldb] when stored [K, N].
    const panels = cached !== null || B.trans;
    const ldb = NP * 8;
    const bp = cached ? cached.ptr : 4 * bAt;
    const bps = panels ? 32 * K : 32; // next panel
    const bks = panels ? 32 : 4 * ldb; // next k
    if (!cached && B.trans) this.packPanels(B, K, N, bAt);
    else if (!cached) {
      if (ldb !== N) f.fill(0, bAt, bAt + K * ldb);
      this.copyIn(B.data, B.off, K, N, B.ld ?? N, bAt, ldb);
    }
    if (accumulate) this.copyIn(c, cOff, M, N, cLd, cAt, ldc);
    f.fill(0, biasAt, biasAt + NP * 8);
    if (bias) for (let j = 0; j < N; j++) f[biasAt + j] = bias[j];

    for (let k0 = 0; k0 < K || k0 === 0; k0 += KC) {
      const kc = Math.min(KC, K - k0);
      const mode = (k0 > 0 || accumulate ? 1 : 0) | (k0 + kc >= K ? 2 : 0);
      this.wasm.gemm(4 * aAt, ablk, ars, aks, bp, bps, bks, 4 * cAt, 4 * ldc, 4 * biasAt, M4, NP, k0, kc, mode, alpha);
    }

    this.copyOut(cAt, ldc, M, N, c, cOff, cLd);
  }

  /** Exact GELU of every element of `x` (erf form), as a new array; gemm.wat's `gelu`. */
  gelu(x: Float32Array): Float32Array {
    const n = x.length;
    const at = alignUp(this.top, ALIGN) / 4;
    const n4 = alignUp(n, 4);
    this.reserve(4 * (at + n4));
    const f = this.f32;
    f.set(x, at);
    f.fill(0, at + n, at + n4);
    this.wasm.gelu(4 * at, n4);
    return f.slice(at, at + n);
  }
}

/** Compiles the kernel; null where WebAssembly SIMD is missing or compiling is not allowed (CSP). */
export async function createSimdKernel(): Promise<SimdKernel | null> {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = kernelBytes();
  if (!WebAssembly.validate(bytes)) return null; // no SIMD128 in this engine
  try {
    const { instance } = await WebAssembly.instantiate(bytes);
    return new SimdKernel(instance);
  } catch {
    return null; // e.g. a CSP without 'wasm-unsafe-eval'
  }
}
