// `npm run bench:viz`: the 512 × 512 attention heatmap. (1) Painting 262 144 cells at data resolution
// in Node (the pure paint loop). (2) In Chromium on the production build (#/gallery, a real 512-token
// run of the encoder fixture): the full canvas draw (createImageData + paint + putImageData, timed
// inside the component), and hover: pointer moves over the map must re-render only the tooltip, never
// the map, and each hover update's time from the event to the updated tooltip.
// Usage: npm run bench:viz [-- --runs 20] (builds into dist-viz, serves on port 4304)
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { findBrowser } from '../scripts/find-browser.mjs';
import { paintCells } from '../src/visualizations/paint';
import { sequentialScale } from '../src/visualizations/scales';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    dist: { type: 'string', default: 'dist-viz' },
    port: { type: 'string', default: '4304' },
  },
});
const runs = Math.max(3, Number(args.runs));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
const fmt = (x: number) => x.toFixed(2);

function nodePaint() {
  const S = 512;
  const values = new Float32Array(S * S); // [S, S]
  let seed = 1;
  for (let i = 0; i < values.length; i++)
    values[i] = ((seed = (seed * 48271) % 2147483647) / 2147483647) * 0.02;
  const out = new Uint8ClampedArray(S * S * 4);
  const scale = sequentialScale('cividis', [0, 0.02]);
  for (let i = 0; i < 20; i++) paintCells(values, 0, S, S, scale, out); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    paintCells(values, 0, S, S, scale, out);
    times.push(performance.now() - t0);
  }
  return { median: median(times), p95: p95(times) };
}

async function browserBench() {
  const server = await preview({
    build: { outDir: args.dist },
    preview: { port: Number(args.port), strictPort: true, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`http://127.0.0.1:${args.port}/#/gallery`);
    const panel = page.getByTestId('heatmap-512');
    const canvas = panel.getByTestId('cellmap-canvas');
    await canvas.waitFor({ timeout: 30_000 });
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Draws: "show as table" and back re-mounts the canvas and draws it again.
    const draws: number[] = [];
    for (let i = 0; i < runs; i++) {
      await panel.getByTestId('table-toggle').click();
      await panel.getByTestId('cellmap-table').waitFor();
      await panel.getByTestId('table-toggle').click();
      await canvas.waitFor();
      draws.push(Number(await canvas.getAttribute('data-draw-ms')));
    }
    // Hover: pointer moves over 200 cells along the diagonal and across rows.
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    const hover = (await page.evaluate(`(async () => {
      const root = document.querySelector('[data-testid="heatmap-512"]');
      const grid = root.querySelector('[data-testid="cellmap-grid"]');
      const map = root.querySelector('.viz-cellmap');
      const r = grid.getBoundingClientRect();
      const cell = r.width / 512;
      const mapBefore = Number(map.dataset.renders);
      const nextTask = () => new Promise((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(0);
      });
      const times = [];
      let tipRenders = 0;
      let tipFirst = -1;
      let wrong = 0;
      for (let i = 0; i < 200; i++) {
        const row = (i * 37) % 512;
        const col = (i * 101) % 512;
        const x = r.left + (col + 0.5) * cell;
        const y = r.top + (row + 0.5) * cell;
        const t0 = performance.now();
        grid.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
        await nextTask();
        const tip = root.querySelector('[data-testid="tooltip"]');
        times.push(performance.now() - t0);
        if (!tip || !tip.textContent.includes(\`(row \${row})\`) || !tip.textContent.includes(\`(column \${col})\`)) wrong++;
        if (tip) {
          if (tipFirst < 0) tipFirst = Number(tip.dataset.renders);
          tipRenders = Number(tip.dataset.renders) - tipFirst + 1;
        }
      }
      return { times, mapRendersDuringHover: Number(map.dataset.renders) - mapBefore, tipRenders, wrong };
    })()`)) as { times: number[]; mapRendersDuringHover: number; tipRenders: number; wrong: number };
    return { draws, hover };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

async function main() {
  const paint = nodePaint();
  const { draws, hover } = await browserBench();
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `Node paint 512×512 (paintCells only): median ${fmt(paint.median)} ms, p95 ${fmt(paint.p95)} ms`,
  );
  console.log(
    `Chromium draw 512×512 (createImageData + paint + putImageData), ${draws.length} draws: median ${fmt(median(draws))} ms, p95 ${fmt(p95(draws))} ms, max ${fmt(Math.max(...draws))} ms`,
  );
  console.log(
    `Hover, 200 pointer moves: event → tooltip updated median ${fmt(median(hover.times))} ms, p95 ${fmt(p95(hover.times))} ms; tooltip renders ${hover.tipRenders}, heatmap re-renders ${hover.mapRendersDuringHover}, tooltips showing the wrong cell ${hover.wrong}`,
  );
  const ok =
    median(draws) < 16 && hover.mapRendersDuringHover === 0 && hover.wrong === 0 && hover.tipRenders >= 200;
  console.log(ok ? 'PASS: draw < 16 ms (median) and hover re-renders only the tooltip' : 'FAIL');
  process.exit(ok ? 0 : 1);
}

void main();
