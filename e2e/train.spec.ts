// The train playground in Chromium: the reverse task trains to ≥ 95% held-out exact match within two
// minutes in the training worker, with no main-thread task over 50 ms; play, pause, step and reset.
import { test, expect } from './console';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number; // wall time (µs)
  tdur?: number; // time on the thread's CPU (µs)
  args?: { name?: string };
}

/**
 * The page's main-thread tasks from a Chromium trace: wall time and thread (CPU) time of each.
 * Thread time is the task's own work; wall time also counts waiting for a core, which on a shared
 * 2-core machine under load can be many times longer. Both are reported; the budget is checked on
 * the work.
 */
function mainThreadTasks(trace: Buffer): { wallMs: number; cpuMs: number }[] {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  return events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask')
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}

const stepOf = async (page: Page) => Number(await page.getByTestId('train-status').getAttribute('data-step'));

async function open(page: Page, query: string) {
  await page.goto(`./#/playground?mode=train&${query}`);
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-mode', 'worker');
  await expect(page.getByTestId('train-attention')).toBeVisible();
}

test('reverse trains to ≥ 95% held-out exact match in under 2 minutes, page responsive', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await open(page, 'task=reverse');
  // from here on (the page's start-up excluded) the main thread must stay free while training
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  const t0 = Date.now();
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-running', 'true');
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="train-acc-now"]')?.getAttribute('data-held-out') ?? 0) >= 0.95,
    undefined,
    { timeout: 120_000, polling: 250 },
  );
  const seconds = (Date.now() - t0) / 1000;
  const tasks = mainThreadTasks(await browser.stopTracing());
  // the probe's greedy output is the reversal (held-out accuracy wobbles by a few points from one
  // evaluation to the next at this learning rate, so the probe is awaited while training goes on)
  await expect(page.getByTestId('train-predicted')).toHaveText('gfedcba', { timeout: 30_000 });
  await page.getByTestId('train-play').click(); // pause
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-running', 'false');
  expect(seconds).toBeLessThan(120);
  await expect(page.getByTestId('train-note-reached')).toBeVisible();
  // and its cross-attention map is drawn
  await expect(page.getByTestId('train-heatmap')).toBeVisible();
  const maxCpu = Math.max(...tasks.map((t) => t.cpuMs));
  const maxWall = Math.max(...tasks.map((t) => t.wallMs));
  const overWall = tasks.filter((t) => t.wallMs > 50).length;
  test.info().annotations.push({
    type: 'train',
    description: `95% after ${seconds.toFixed(1)} s (step ${await stepOf(page)}); ${tasks.length} main-thread tasks, longest ${maxCpu.toFixed(1)} ms of work (${maxWall.toFixed(1)} ms wall); ${overWall} over 50 ms wall`,
  });
  console.log(test.info().annotations.at(-1)!.description);
  expect(tasks.length).toBeGreaterThan(50);
  expect(maxCpu, 'longest main-thread task while training (ms of work)').toBeLessThan(50);
});

test('pause stops the work, step advances one step, reset returns to step 0, settings go to the URL', async ({ page }) => {
  await open(page, 'task=copy&seed=3');
  await page.getByTestId('train-play').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) >= 30);
  await page.getByTestId('train-play').click(); // pause
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-running', 'false');
  const paused = await stepOf(page);
  await page.waitForTimeout(1500);
  expect(await stepOf(page), 'no steps after a pause').toBe(paused);

  // paused with curves, notes and attention on screen: WCAG 2.2 AA
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.getByTestId('train-step-once').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-step', String(paused + 1));
  await expect(page.getByTestId('train-attention')).toHaveAttribute('data-probe-step', String(paused + 1));
  await page.getByTestId('train-step-once').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-step', String(paused + 2));

  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('train-attention')).toHaveAttribute('data-probe-step', '0');

  // a model setting restarts the run and is written to the URL
  await page.getByTestId('train-pos').selectOption('none');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('pos=none');
  expect(await page.evaluate(() => location.hash)).toContain('mode=train');
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-step', '0');
  await page.getByTestId('train-play').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) >= 5);
  await page.getByTestId('train-play').click();
  // the link reproduces the configuration
  await page.reload();
  await expect(page.getByTestId('train-pos')).toHaveValue('none');
  await expect(page.getByTestId('train-task')).toHaveValue('copy');
  await expect(page.getByTestId('train-seed')).toHaveValue('3');
});

const heldOut = (page: Pick<Page, 'getByTestId'>) =>
  page.getByTestId('train-acc-now').getAttribute('data-held-out').then(Number);

test('the trained model downloads as .safetensors and opens in the playground', async ({ page }) => {
  test.setTimeout(150_000);
  await open(page, 'task=copy');
  await page.getByTestId('train-play').click();
  await expect.poll(() => heldOut(page), { timeout: 100_000 }).toBeGreaterThanOrEqual(0.95);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-running', 'false');
  const step = await stepOf(page);

  const download = page.waitForEvent('download');
  await page.getByTestId('train-export-model').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`copy-trained-step${step}.safetensors`);
  const { statSync } = await import('node:fs');
  expect(statSync(await file.path()).size).toBeGreaterThan(20_000);

  await page.getByTestId('train-open-playground').click();
  await expect(page.getByTestId('playground')).toBeVisible();
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('model-status')).toContainText(`copy-trained-step${step}.safetensors`);
  await expect(page.getByTestId('input-src')).toBeVisible();
});

test('lesson 15: without positions the reverse curve stalls and the note says why', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('./#/learn/train-your-own/2');
  const panel = page.getByTestId('panel-train');
  await expect(panel.getByTestId('train-pos')).toHaveValue('none');
  await expect(panel.getByTestId('train-status')).toHaveAttribute('data-mode', 'worker');
  await expect(panel.getByTestId('train-note-no-positions')).toContainText('it will stall');
  await panel.getByTestId('train-play').click();
  await expect(panel.getByTestId('train-note-no-positions')).toContainText('cannot be learned', { timeout: 120_000 });
  await panel.getByTestId('train-play').click();
  expect(await heldOut(panel)).toBeLessThan(0.2);
});

test('embedded in a sandboxed frame, the trainer runs on the page itself and still pauses', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`embed-host-test.html?embed=${encodeURIComponent('widget=train&task=sort&seed=2')}`);
  const frame = page.frameLocator('[data-testid="embed-frame"]');
  await expect(frame.getByTestId('train-task')).toHaveValue('sort');
  const status = frame.getByTestId('train-status');
  await expect(status).toHaveAttribute('data-mode', /^(main|worker)$/);
  await frame.getByTestId('train-play').click();
  await expect.poll(async () => Number(await status.getAttribute('data-step')), { timeout: 90_000 }).toBeGreaterThanOrEqual(60);
  await frame.getByTestId('train-play').click();
  await expect(status).toHaveAttribute('data-running', 'false');
  const paused = Number(await status.getAttribute('data-step'));
  await page.waitForTimeout(1000);
  expect(Number(await status.getAttribute('data-step'))).toBe(paused);
  test.info().annotations.push({ type: 'embed', description: `mode ${await status.getAttribute('data-mode')}, held-out ${await heldOut(frame)} at step ${paused}` });
  console.log(test.info().annotations.at(-1)!.description);
  expect(await heldOut(frame)).toBeGreaterThan(0.5);
});
