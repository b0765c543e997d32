// The WebAssembly SIMD path under the matrix products (src/model/ops/matmul.ts decides when to
// use it). The kernel itself (gemm.wat) multiplies packed blocks; this file owns its memory:
// packs each operand into the layout the kernel reads, keeps a model's weights packed in WASM
// memory across calls (packed once per model load, keyed by the weight array), and copies C out.
//
// Layouts (floats): A as row blocks of 4 rows, k-major [M/4][Kp][4]; B as panels of 8 columns,
// k-major [N/8][Kp][8]; C row-major [Mp, 8·NP]. Kp = K rounded up to 4; padding is zeros, so
// padded rows, columns and k steps add nothing.
import { GEMM_WASM_BASE64 } from './gemmWasm';

/** How an operand is stored in its Float32Array: 'rows' = as the product reads it, 'cols' = transposed. */
export interface Operand {
  data: Float32Array;
  off: number;
  /** A: false = [M, K], true = [K, M]. B: false = [K, N], true = [N, K] (PyTorch Linear layout). */
  trans: boolean;
}

interface GemmExports {
  memory: WebAssembly.Memory;
  gemm: (
    ap: number, bp: number, cp: number, biasp: number,
    M4: number, NP: number, Kp: number, k0: number, kc: number, mode: number, alpha: number,
  ) => void;
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
export function decodeBase64(b64: string): Uint8Array {
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
export function kernelBytes(): Uint8Array {
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
    const have = this.wasm.memory.buffer.byteLength;
    if (end > have) this.wasm.memory.grow(Math.ceil((end - have) / PAGE));
    if (this.f32.buffer !== this.wasm.memory.buffer) this.f32 = new Float32Array(this.wasm.memory.buffer);
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

  /** Packs A (M × K) into 4-row blocks at float index `dst`. */
  private packA(A: Operand, M: number, K: number, Kp: number, dst: number): void {
    const f = this.f32;
    const M4 = Math.ceil(M / 4);
    f.fill(0, dst, dst + M4 * 4 * Kp);
    const { data, off } = A;
    for (let i = 0; i < M; i++) {
      const d = dst + (i >> 2) * Kp * 4 + (i & 3); // row i, k = 0
      if (A.trans) for (let k = 0; k < K; k++) f[d + 4 * k] = data[off + k * M + i];
      else for (let k = 0, s = off + i * K; k < K; k++) f[d + 4 * k] = data[s + k];
    }
  }

  /** Packs B (K × N) into 8-column panels at float index `dst`. */
  private packB(B: Operand, K: number, N: number, Kp: number, dst: number): void {
    const f = this.f32;
    const NP = Math.ceil(N / 8);
    f.fill(0, dst, dst + NP * 8 * Kp);
    const { data, off } = B;
    if (B.trans) {
      // B stored [N, K]: column j of the product is row j of the array.
      for (let j = 0; j < N; j++) {
        const d = dst + (j >> 3) * Kp * 8 + (j & 7);
        for (let k = 0, s = off + j * K; k < K; k++) f[d + 8 * k] = data[s + k];
      }
    } else {
      for (let k = 0; k < K; k++) {
        const s = off + k * N;
        for (let j = 0; j < N; j++) f[dst + (j >> 3) * Kp * 8 + k * 8 + (j & 7)] = data[s + j];
      }
    }
  }

  /** The packed copy of a weight matrix, made on first use and kept while the weights live. */
  private packedWeights(B: Operand, K: number, N: number, Kp: number): Packed {
    const buffer = B.data.buffer;
    let blocks = this.cache.get(buffer);
    if (!blocks) {
      blocks = new Map();
      this.cache.set(buffer, blocks);
      this.finalizer?.register(buffer, blocks);
    }
    const key = `${B.data.byteOffset + 4 * B.off}:${N}:${K}:${B.trans ? 't' : 'n'}`;
    let block = blocks.get(key);
    if (!block) {
      block = this.allocate(Math.ceil(N / 8) * 8 * Kp * 4);
      this.packB(B, K, N, Kp, block.ptr / 4);
      blocks.set(key, block);
    }
    return block;
  }

  /**
   * C[M, N] (+)= alpha · A[M, K]·B[K, N] + bias[N], C row-major at `cOff`. `cacheB`: B is a model
   * weight that does not change while the model is loaded — pack it once and keep it.
   * `accumulate`: add to what C holds (the trainer's gradients) instead of overwriting it.
   */
  gemm(
    M: number, N: number, K: number, A: Operand, B: Operand, c: Float32Array, cOff: number,
    bias: Float32Array | undefined, alpha: number, cacheB: boolean, accumulate: boolean,
  ): void {
    if (M === 0 || N === 0) return;
    const M4 = Math.ceil(M / 4);
    const NP = Math.ceil(N / 8);
    const Kp = Math.max(4, alignUp(K, 4));
    const ldc = NP * 8;
    const bPacked = cacheB ? this.packedWeights(B, K, N, Kp) : null;
    // Scratch after the cached blocks: [A | B unless cached | C | bias].
    const aPtr = alignUp(this.top, ALIGN);
    const bPtr = alignUp(aPtr + M4 * 4 * Kp * 4, ALIGN);
    const cPtr = bPacked ? bPtr : alignUp(bPtr + NP * 8 * Kp * 4, ALIGN);
    const biasPtr = alignUp(cPtr + M4 * 4 * ldc * 4, ALIGN);
    this.reserve(biasPtr + ldc * 4);
    this.packA(A, M, K, Kp, aPtr / 4);
    if (!bPacked) this.packB(B, K, N, Kp, bPtr / 4);
    const f = this.f32;
    f.fill(0, biasPtr / 4, biasPtr / 4 + ldc);
    if (bias) f.set(bias.subarray(0, N), biasPtr / 4);
    const bp = bPacked ? bPacked.ptr : bPtr;
    for (let k0 = 0; k0 < Kp; k0 += KC) {
      const kc = Math.min(KC, Kp - k0);
      const mode = (k0 > 0 ? 1 : 0) | (k0 + kc >= Kp ? 2 : 0);
      this.wasm.gemm(aPtr, bp, cPtr, biasPtr, M4, NP, Kp, k0, kc, mode, alpha);
    }
    const c0 = cPtr / 4;
    for (let i = 0; i < M; i++) {
      const s = c0 + i * ldc;
      const d = cOff + i * N;
      if (accumulate) for (let j = 0; j < N; j++) c[d + j] += f[s + j];
      else if (N >= 32) c.set(f.subarray(s, s + N), d);
      else for (let j = 0; j < N; j++) c[d + j] = f[s + j];
    }
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
