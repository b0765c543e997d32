// The browser half of `npm run bench:train -- --browser`: serves the production build (dist-train,
// or $BENCH_DIST) with vite preview, opens the train playground in Chromium, trains `steps` steps
// in the training worker and reads the worker's own steps/s (step time only, as in Node).
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
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

/** Serves the build and opens Chromium for `fn`, then stops both. */
async function withBrowser<T>(fn: (open: (query: string) => Promise<Page>) => Promise<T>, dist = process.env.BENCH_DIST ?? 'dist-train'): Promise<T> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`, 30_000);
    return await fn(async (query) => {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/#/playground?mode=train&${query}`);
      await page.getByTestId('train-status').and(page.locator('[data-mode="worker"]')).waitFor();
      return page;
    });
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid); // the whole group: npx and the vite it started
  }
}

const stepOf = (page: Page) => page.getByTestId('train-status').getAttribute('data-step').then(Number);

/** Steps per second of the training worker in Chromium for the run `params` describes. */
export function browserRate(params: URLSearchParams, steps: number): Promise<number> {
  return withBrowser(async (open) => {
    const page = await open(params.toString());
    const status = page.getByTestId('train-status');
    // warm-up as in Node: 20 steps, then measure from there
    await page.getByTestId('train-play').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) >= 20);
    const at = async () => ({ step: await stepOf(page), rate: Number(await status.getAttribute('data-steps-per-second')) });
    const a = await at();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) >= n, a.step + steps, { timeout: 600_000 });
    const b = await at();
    // the worker reports steps / step-time since step 0; take the rate over the measured window
    return (b.step - a.step) / (b.step / b.rate - a.step / a.rate);
  });
}

/** Wall-clock seconds from pressing Train until the held-out curve shows ≥ 95%, per run (`dist`: which build). */
export function browserTimeToTarget(queries: string[], dist?: string): Promise<{ query: string; seconds: number; step: number }[]> {
  return withBrowser(async (open) => {
    const out: { query: string; seconds: number; step: number }[] = [];
    for (const query of queries) {
      const page = await open(query);
      const t0 = Date.now();
      await page.getByTestId('train-play').click();
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid="train-acc-now"]')?.getAttribute('data-held-out') ?? 0) >= 0.95,
        undefined,
        { timeout: 300_000, polling: 100 },
      );
      out.push({ query, seconds: (Date.now() - t0) / 1000, step: Number(await page.getByTestId('train-acc-now').textContent().then((t) => /step (\d+)/.exec(t ?? '')?.[1])) });
      await page.close();
    }
    return out;
  }, dist);
}
