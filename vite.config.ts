/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './scripts/vite-plugin-offline.ts';
import { cspPlugin } from './scripts/vite-plugin-csp.ts';
import { classicPlugin } from './scripts/vite-plugin-classic.ts';

// base './' so the built app works from any static host and any sub-path (hash routing).
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin(), classicPlugin(), offlinePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 500,
    // The app. embed.html (one widget per iframe) and atlas-widgets.js are classic scripts, built
    // after it by scripts/vite-plugin-classic.ts so they load from any host (docs/embedding.md).
    rollupOptions: { input: { main: 'index.html' } },
  },
  // cors: not needed by embeds any more (they are classic scripts); kept for hosts that fetch our files.
  // E2E_HUB: the e2e tests' Hub-like server, reached same-origin under /__hub (the CSP allows 'self').
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    cors: true,
    ...(process.env.E2E_HUB
      ? { proxy: { '/__hub': { target: process.env.E2E_HUB, rewrite: (path: string) => path.replace(/^\/__hub/, '') } } }
      : {}),
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Runs every test on the SIMD kernels, or on the TypeScript ones with ATLAS_KERNELS=js.
    setupFiles: ['scripts/vitest-kernels.setup.ts'],
  },
});
