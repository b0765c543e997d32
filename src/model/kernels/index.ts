// Which kernel runs the matrix products: the WebAssembly SIMD one where the engine has SIMD128
// and may compile WebAssembly, else the pure-TypeScript one (src/model/ops/matmul.ts), which is
// also the readable reference. Until `initKernels()` has resolved, products run in TypeScript.
import { createSimdKernel, type SimdKernel } from './simd';

export type KernelName = 'wasm-simd' | 'js';

export interface KernelOptions {
  /** 'js' forces the pure-TypeScript kernels until 'wasm-simd' is asked for again (tests, CLI). */
  prefer?: KernelName;
}

let preference: KernelName = 'wasm-simd';
let compiled: Promise<SimdKernel | null> | null = null;
/** The compiled kernel once compiling has finished (null: not available here). */
let compiledKernel: SimdKernel | null | undefined;
let active: SimdKernel | null = null;

/**
 * Selects the fastest available kernel for every product of `forward`, `transformerLayer`,
 * `linear` and the trainer, and resolves to its name. Without options it keeps the preference
 * set last (so an engine calling it does not undo a test's or the CLI's `prefer: 'js'`).
 */
export async function initKernels(options: KernelOptions = {}): Promise<KernelName> {
  if (options.prefer) preference = options.prefer;
  if (preference === 'js') {
    active = null;
    return 'js';
  }
  compiled ??= createSimdKernel().then((k) => (compiledKernel = k));
  const simd = await compiled;
  if (preference === 'wasm-simd') active = simd; // unless 'js' was asked for meanwhile
  return activeKernel();
}

/** The kernel in use now. */
export function activeKernel(): KernelName {
  return active ? 'wasm-simd' : 'js';
}

/** True once the kernel that `initKernels()` would pick is in place (the trainer waits for it). */
export function kernelsReady(): boolean {
  return preference === 'js' || (compiledKernel !== undefined && active === compiledKernel);
}

/** The SIMD kernel when it is the one in use, else null (the products then run in TypeScript). */
export function simdKernel(): SimdKernel | null {
  return active;
}
