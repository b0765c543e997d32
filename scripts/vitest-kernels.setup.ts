// Vitest setup: every test file runs on the kernel ATLAS_KERNELS names — the WebAssembly SIMD one
// by default, the pure-TypeScript one with ATLAS_KERNELS=js (`npm run test:unit:js`), so the whole
// suite proves both paths. src/model itself never reads the environment.
import { beforeAll } from 'vitest';
import { initKernels } from '../src/model/kernels';

const prefer = process.env.ATLAS_KERNELS === 'js' ? 'js' : 'wasm-simd';

beforeAll(async () => {
  const got = await initKernels({ prefer });
  if (got !== prefer) throw new Error(`ATLAS_KERNELS=${prefer} asked for, but ${got} is what this engine runs`);
});
