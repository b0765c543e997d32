// A page that never goes blank (issue 13): a panel that throws shows its message and "Try again" in
// place while the rest of the page works; a silently closed worker is noticed and restarted; a load
// race never leaves numbers of one model under another's name.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './console';
import { initModel, parseConfig, saveModel } from '../src/model';

const SEP = '\u241f';

/**
 * A valid decoder-only model with a 10⁶-word vocabulary and one head (≈ 28 MB): slow to parse, and
 * shaped unlike `grammar`, so numbers drawn under the wrong name would show. Written once per run.
 */
function bigModelFile(dir: string): string {
  const path = join(dir, 'big.safetensors');
  const V = 1_000_000;
  const vocab = ['<pad>', '<unk>', '<bos>', '<eos>', ...Array.from({ length: V - 4 }, (_, i) => `w${i}`)];
  const config = parseConfig({
    arch: 'decoder-only', vocabSize: V, dModel: 4, nHeads: 1, dFF: 4, nLayers: 1, maxLen: 8,
    positional: 'learned', norm: 'pre', activation: 'relu', layerNormEps: 1e-5, scaleEmbedding: false, padId: 0,
  });
  writeFileSync(path, saveModel(initModel(config, { vocab, tokenizer: 'word', seed: 1 })));
  return path;
}

let files: { big: string; empty: string } | null = null;
function modelFiles(): { big: string; empty: string } {
  if (files) return files;
  const dir = join('test-results', 'resilience-files');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.safetensors');
  writeFileSync(empty, new Uint8Array(0));
  files = { big: bigModelFile(dir), empty };
  return files;
}

/** Records every main-thread long task (PerformanceObserver 'longtask') from now on. */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

/** React reports an error a boundary caught on the console: expected here, and only these. */
function expectOnlyForcedErrors(problems: string[]) {
  const others = problems.filter((p) => !p.includes('Forced failure of the attention-heatmap panel'));
  expect(others).toEqual([]);
  problems.splice(0);
}

test('a lesson panel that throws shows its message and Try again; the other panel and the step navigation keep working', async ({ page, consoleProblems }) => {
  await page.goto('./#/learn/masking/2?testhooks=1&throwpanel=attention-heatmap');
  const failed = page.getByTestId('panel-attention-heatmap');
  await expect(failed.getByTestId('panel-error')).toContainText('The panel “Attention weights” stopped with an error: Forced failure of the attention-heatmap panel (test hook)');
  // The input panel next to it still works: typing re-runs the model.
  const input = page.getByTestId('panel-input').getByTestId('input-src');
  await expect(input).toBeVisible();
  await input.fill('xyz');
  await expect(page.getByTestId('panel-input').getByTestId('token-chips-src').getByTestId('token-chip').first()).toHaveText(/x/);
  // Try again draws the heatmap (the hook throws once).
  await failed.getByTestId('error-retry').click();
  await expect(failed.getByTestId('lesson-heatmap')).toBeVisible({ timeout: 30_000 });
  await expect(failed.getByTestId('panel-error')).toHaveCount(0);
  expectOnlyForcedErrors(consoleProblems);
});

test('a playground panel that throws leaves the rest of the playground working', async ({ page, consoleProblems }) => {
  await page.goto('./#/playground?model=reverse&testhooks=1&throwpanel=attention-heatmap');
  const card = page.getByTestId('heatmap-view');
  await expect(card.getByTestId('panel-error')).toContainText('Forced failure of the attention-heatmap panel', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Playground');
  await page.getByTestId('input-src').fill('abc');
  await expect(page.getByTestId('output-bars').locator('li').first()).toBeVisible({ timeout: 30_000 });
  await card.getByTestId('error-retry').click();
  await expect(card.getByTestId('playground-heatmap')).toBeVisible();
  expectOnlyForcedErrors(consoleProblems);
});

test('load race: a slow valid file, then at once a refused one — the page names the model really loaded, and nothing throws', async ({ page }) => {
  test.setTimeout(120_000);
  const { big, empty } = modelFiles();
  await page.goto('./#/playground?model=grammar');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.', { timeout: 30_000 });
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const chooser = page.getByTestId('model-file');
  await chooser.setInputFiles(big);
  await chooser.setInputFiles(empty); // within a few ms: the big one is still being parsed
  await expect(page.getByTestId('model-error')).toContainText('“empty.safetensors” was not loaded', { timeout: 60_000 });
  // The engine holds the big model: the page says so, and draws its numbers under its name.
  await expect(page.getByTestId('model-status')).toHaveText('Loaded big.safetensors.', { timeout: 60_000 });
  await page.getByTestId('input-text').fill('w1 w2 w3');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', ['w1', 'w2', 'w3'].join(SEP), { timeout: 30_000 });
  // Only heads the loaded model has can be chosen (grammar's head 2 would not exist here).
  await expect(page.getByTestId('heatmap-view').getByTestId('playground-heatmap')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Playground');
});

// The goal is no task over 50 ms; what holds today (worker-side parsing and indexing, the vocabulary
// in slices) is no freeze: the longest task fell from 3.7 s to 58–394 ms under a loaded machine
// (docs/performance.md). The bound below catches a return of the freeze; tighten it to 50 ms once the
// page no longer receives the 10⁶ strings at all.
const LONGEST_TASK_MS = 1000;

test('a model file with a 10⁶-word vocabulary loads without freezing the main thread', async ({ page }) => {
  test.setTimeout(120_000);
  const { big } = modelFiles();
  await page.goto('./#/playground?model=grammar');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.', { timeout: 30_000 });
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await watchLongTasks(page);
  await page.getByTestId('model-file').setInputFiles(big);
  await expect(page.getByTestId('model-status')).toHaveText('Loaded big.safetensors.', { timeout: 60_000 });
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const tasks = await longTasks(page);
  console.log(`long tasks while loading (ms): ${JSON.stringify(tasks)}`);
  expect(Math.max(0, ...tasks)).toBeLessThanOrEqual(LONGEST_TASK_MS);
});

test('a model worker that closes silently is noticed, restarted, the user told, and the heatmap redraws', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./#/playground?model=grammar&testhooks=1');
  await expect(page.getByTestId('playground')).toHaveAttribute('data-engine', 'worker', { timeout: 30_000 });
  await page.getByTestId('input-text').fill('the dog');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', /dog/, { timeout: 30_000 });
  await page.getByTestId('close-worker').click();
  await page.getByTestId('input-text').fill('the dog runs'); // sent to a worker that is gone
  await expect(page.getByTestId('engine-notice')).toContainText('stopped answering', { timeout: 40_000 });
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', /runs/, { timeout: 30_000 });
  await expect(page.getByTestId('playground-heatmap')).toBeVisible();
});
