/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './scripts/vite-plugin-offline.ts';
import { cspPlugin } from './scripts/vite-plugin-csp.ts';

// base './' so the built app works from any static host and any sub-path (hash routing).
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin(), offlinePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 500,
    // Two pages: the app and embed.html (one widget per iframe, see docs/embedding.md).
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  // cors: sandboxed embeds (origin "null") load module scripts and models in CORS mode (docs/embedding.md).
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, cors: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Runs every test on the SIMD kernels, or on the TypeScript ones with ATLAS_KERNELS=js.
    setupFiles: ['scripts/vitest-kernels.setup.ts'],
  },
});
