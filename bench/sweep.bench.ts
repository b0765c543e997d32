// `npm run bench:sweep`: the patching sweep (every head of the model patched from a clean into a
// corrupted input, docs/interventions.md) in the production build, in Chromium, for every shipped
// model: click "Patch every head" → the grid and the two-input diff of every layer and head are
// committed → the next frame has rendered. Reports median and max per model, and the worker's own
// time for the 2 + (number of heads) forward passes. Target: < 1 s for every shipped model.
// Usage: npm run bench:sweep [-- --runs 5]
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { findBrowser } from '../scripts/find-browser.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    dist: { type: 'string', default: 'dist-sweep' },
    port: { type: 'string', default: '4314' },
  },
});

/** One clean/corrupted pair per shipped model, the same number of tokens on both sides. */
const CASES: { model: string; query: Record<string, string> }[] = [
  { model: 'grammar', query: { text: '<bos> the dogs that the cats chase', corrupt: '<bos> the dog that the cats chase' } },
  { model: 'masked-grammar', query: { text: 'the dogs that the cat chases <mask> .', corrupt: 'the dog that the cat chases <mask> .' } },
  { model: 'reverse', query: { src: 'transformer', tgt: 'remrof', corrupt: 'transformed' } },
  { model: 'dates', query: { src: 'wednesday the 3rd of march 2021', tgt: '2021-03-0', corrupt: 'wednesday the 4th of march 2021' } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await preview({ build: { outDir: args.dist }, preview: { port: Number(args.port), strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const rows: string[] = [];
  const version = browser.version();
  try {
    for (const c of CASES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const q = new URLSearchParams({ model: c.model, ...c.query }).toString();
      await page.goto(`http://127.0.0.1:${args.port}/#/playground?${q}`);
      await page.getByTestId('journey-prediction').waitFor({ timeout: 60_000 });
      const total: number[] = [];
      const worker: number[] = [];
      let heads = 0;
      for (let run = 0; run <= Number(args.runs); run++) {
        const [ms, workerMs, cells] = await page.evaluate(
          () =>
            new Promise<[number, number, number]>((resolve, reject) => {
              const el = document.querySelector('[data-testid="patching-root"]')!;
              const before = el.getAttribute('data-sweep-id');
              const t0 = performance.now();
              const timer = setTimeout(() => reject(new Error('no sweep within 30 s')), 30_000);
              const obs = new MutationObserver(() => {
                if (el.getAttribute('data-sweep-id') === before) return;
                const status = el.getAttribute('data-sweep-status');
                if (status === 'error') reject(new Error(document.querySelector('[data-testid="sweep-error"]')?.textContent ?? 'sweep error'));
                if (status !== 'done') return;
                obs.disconnect();
                clearTimeout(timer);
                // The grid and the diff maps are committed; the task after the next frame sees them drawn.
                requestAnimationFrame(() =>
                  setTimeout(() => resolve([performance.now() - t0, Number(el.getAttribute('data-sweep-ms')), document.querySelectorAll('[data-testid="diff-heatmaps"] [role="grid"]').length]), 0),
                );
              });
              obs.observe(el, { attributes: true, subtree: false });
              (document.querySelector('[data-testid="run-sweep"]') as HTMLButtonElement).click();
            }),
        );
        if (run === 0) continue; // warm-up: code paths and chunks loaded once
        total.push(ms);
        worker.push(workerMs);
        heads = cells;
      }
      rows.push(`| ${c.model} | ${heads} | ${median(total).toFixed(0)} ms | ${Math.max(...total).toFixed(0)} ms | ${median(worker).toFixed(0)} ms | ${Math.max(...total) < 1000 ? '✔' : '✘'} |`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.httpServer.close();
  }
  console.log(`sweep bench: ${args.runs} sweeps per model after one warm-up, Chromium ${version}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);
  console.log('| model | heads (diff maps) | click → drawn, median | max | worker, median | < 1 s |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
