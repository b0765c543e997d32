import { defineConfig, devices } from '@playwright/test';
import { findBrowser } from './scripts/find-browser.mjs';

// Debian's Chromium (or $CHROMIUM_PATH); Playwright never downloads a browser here.
const executablePath = findBrowser();
// E2E_PORT / E2E_DIST let several developers test their own builds side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
// e2e/hf.spec.ts starts a Hub-like server on this port; the preview server proxies /__hub to it.
const hubPort = port + 1000;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'off',
    // The offline service worker is blocked by default so request routing in tests sees every
    // request; the offline test opts in with test.use({ serviceWorkers: 'allow' }).
    serviceWorkers: 'block',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  // The e2e server serves the production build (built by `npm run test:e2e`).
  webServer: {
    command: `E2E_HUB=http://127.0.0.1:${hubPort} npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
