// The browser half of `npm run bench:train -- --browser`: serves the production build (dist-train,
// or $BENCH_DIST) with vite preview, opens the train playground in Chromium, trains `steps` steps
// in the training worker and reads the worker's own steps/s (step time only, as in Node).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findBrowser } from '../scripts/find-browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4309);

async function waitForServer(url: string, ms: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no server at ${url}`);
}

/** Steps per second of the training worker in Chromium for the run `params` describes. */
export async function browserRate(params: URLSearchParams, steps: number): Promise<number> {
  const dist = process.env.BENCH_DIST ?? 'dist-train';
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`, 30_000);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/#/playground?mode=train&${params.toString()}`);
    const status = page.getByTestId('train-status');
    await status.and(page.locator('[data-mode="worker"]')).waitFor();
    // warm-up as in Node: 20 steps, then measure from there
    await page.getByTestId('train-play').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) >= 20);
    const at = async () => {
      const s = await status.getAttribute('data-step');
      const r = await status.getAttribute('data-steps-per-second');
      return { step: Number(s), rate: Number(r) };
    };
    const a = await at();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) >= n, a.step + steps, { timeout: 600_000 });
    const b = await at();
    // the worker reports steps / step-time since step 0; take the rate over the measured window
    const timeA = a.step / a.rate;
    const timeB = b.step / b.rate;
    return (b.step - a.step) / (timeB - timeA);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid); // the whole group: npx and the vite it started
  }
}
