// Which kernel runs the matrix products: the WebAssembly SIMD one where the engine has SIMD128
// and may compile WebAssembly, else the pure-TypeScript one (src/model/ops/matmul.ts), which is
// also the readable reference. Until `initKernels()` has resolved, products run in TypeScript.
import { createSimdKernel, type SimdKernel } from './simd';

export type KernelName = 'wasm-simd' | 'js';

export interface KernelOptions {
  /** 'js' forces the pure-TypeScript kernels (tests run every product both ways). */
  prefer?: KernelName;
}

let compiled: Promise<SimdKernel | null> | null = null;
let active: SimdKernel | null = null;

/**
 * Selects the fastest available kernel for every product of `forward`, `transformerLayer`,
 * `linear` and the trainer, and resolves to its name. Safe to call again (to switch, or to wait).
 */
export async function initKernels(options: KernelOptions = {}): Promise<KernelName> {
  if (options.prefer === 'js') {
    active = null;
    return 'js';
  }
  compiled ??= createSimdKernel();
  active = await compiled;
  return active ? 'wasm-simd' : 'js';
}

/** The kernel in use now. */
export function activeKernel(): KernelName {
  return active ? 'wasm-simd' : 'js';
}

/** The SIMD kernel when it is the one in use, else null (the products then run in TypeScript). */
export function simdKernel(): SimdKernel | null {
  return active;
}
