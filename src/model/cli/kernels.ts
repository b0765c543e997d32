// The kernel switch for Node entry points (the trace CLI, npm run train / eval / bench, tests):
// ATLAS_KERNELS=js forces the pure-TypeScript kernels; unset or wasm-simd picks the fastest.
// src/model itself never reads the environment; this file is Node-only like the rest of cli/.
import { initKernels, type KernelName } from '../kernels';

/** Applies ATLAS_KERNELS and resolves to the kernel in use; an unknown value is refused. */
export async function initKernelsFromEnv(env = process.env.ATLAS_KERNELS): Promise<KernelName> {
  if (env !== undefined && env !== '' && env !== 'js' && env !== 'wasm-simd')
    throw new Error(`ATLAS_KERNELS must be js or wasm-simd, not ${JSON.stringify(env)}`);
  return initKernels({ prefer: env === 'js' ? 'js' : 'wasm-simd' });
}
