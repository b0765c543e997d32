// Which kernels the app's workers ask for. Normally the fastest (initKernels() picks WebAssembly
// SIMD where the browser has it); a build made with VITE_ATLAS_KERNELS=js runs the pure-TypeScript
// kernels instead, so `npm run bench:train -- --browser` can time both builds in one run.
import type { KernelOptions } from '../model';

export const kernelChoice: KernelOptions = import.meta.env.VITE_ATLAS_KERNELS === 'js' ? { prefer: 'js' } : {};
