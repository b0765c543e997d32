// The committed WebAssembly module is what the committed source assembles to: no binary of
// unknown origin. (scripts/build-kernels.ts, npm package wabt.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleKernel, kernelModuleSource } from '../../../scripts/build-kernels';
import { GEMM_WASM_BASE64 } from './gemmWasm';

describe('gemmWasm.ts is built from gemm.wat', () => {
  it('rebuilding from source gives the committed bytes, byte for byte', async () => {
    const bytes = await assembleKernel();
    expect(Buffer.from(bytes).toString('base64')).toBe(GEMM_WASM_BASE64);
    expect(kernelModuleSource(bytes)).toBe(readFileSync(new URL('./gemmWasm.ts', import.meta.url), 'utf8'));
  });

  it('a changed source gives other bytes (the check can fail)', async () => {
    const source = readFileSync(new URL('./gemm.wat', import.meta.url), 'utf8');
    const changed = await assembleKernel(source.replace('(i32.const 5)', '(i32.const 4)'));
    expect(Buffer.from(changed).toString('base64')).not.toBe(GEMM_WASM_BASE64);
  });
});
