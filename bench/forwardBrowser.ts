// `npm run bench -- --browser`: the GPT-2-small-shaped 12-layer pass over 64 tokens with the
// attention trace, timed in Debian's Chromium on both kernels in one page. The model code is
// bundled by Vite (lib mode) and run in an about:blank page, so nothing is fetched at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { findBrowser } from '../scripts/find-browser.mjs';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runBrowserForwardBench(quick: boolean): Promise<void> {
  const outDir = fileURLToPath(new URL('../node_modules/.cache/atlas-bench/browser/', import.meta.url));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: fileURLToPath(new URL('./forwardBrowser.entry.ts', import.meta.url)), formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  const code = readFileSync(`${outDir}bench.js`, 'utf8');
  const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(e));
    await page.goto('about:blank');
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(() => 'atlasBench' in globalThis);
    const reps = quick ? { simdReps: 3, jsReps: 1 } : { simdReps: 7, jsReps: 3 };
    const r = await page.evaluate(
      (opts) => (globalThis as unknown as { atlasBench: { run: (o: typeof opts) => Promise<{ picked: string; times: Record<string, number[]>; userAgent: string }> } }).atlasBench.run(opts),
      reps,
    );
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`Chromium (${/Chrome\/[\d.]+/.exec(r.userAgent)?.[0]}), initKernels() picks ${r.picked}; load average ${load}`);
    console.log('GPT-2-small-shaped pass (dModel 768, 12 heads, 12 layers, dFF 3072, 64 tokens, V 1024), trace attention:');
    console.log('| kernel | runs (ms) | median ms |');
    console.log('|---|---|---|');
    for (const [k, ts] of Object.entries(r.times))
      console.log(`| ${k} | ${ts.map((t) => t.toFixed(0)).join(', ')} | **${median(ts).toFixed(0)}** |`);
    console.log(`SIMD ÷ pure-TS speed: ${(median(r.times.js) / median(r.times['wasm-simd'])).toFixed(1)}×; target: SIMD pass < 1000 ms`);
  } finally {
    await browser.close();
  }
}
