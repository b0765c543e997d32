// The engine where no worker can start: the same API runs on the main thread and the page works.
import { readFileSync } from 'node:fs';
import { test, expect } from './console';

const ENCODER = {
  name: 'encoder.safetensors',
  mimeType: 'application/octet-stream',
  buffer: readFileSync(new URL('../src/model/golden/encoder_sinusoidal_post_relu_pad.safetensors', import.meta.url)),
};

test('when Worker construction throws, the model runs on the main thread', async ({ page }) => {
  await page.addInitScript(() => {
    // What a page inside <iframe sandbox="allow-scripts"> sees: constructing a worker fails.
    (window as unknown as { Worker: unknown }).Worker = function Worker() {
      throw new DOMException('Script cannot be accessed from origin null', 'SecurityError');
    };
  });
  await page.goto('./#/playground');
  await page.getByTestId('model-file').setInputFiles(ENCODER);
  await expect(page.getByTestId('model-status')).toHaveText('Loaded encoder.safetensors.');
  await expect(page.getByTestId('playground')).toHaveAttribute('data-engine', 'main');
  await page.getByTestId('input-text').fill('t1 t2 t3');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', 't1\u241ft2\u241ft3');
  await expect(page.getByTestId('playground-heatmap')).toBeVisible();
});

test('the model code loads only with the playground, in its own worker chunk', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('./');
  await expect(page.getByTestId('course-map')).toBeVisible();
  expect(scripts.some((s) => /model\.worker/.test(s))).toBe(false);
  await page.goto('./#/playground');
  await page.getByTestId('model-file').setInputFiles(ENCODER);
  await expect(page.getByTestId('playground')).toHaveAttribute('data-engine', 'worker');
  await expect.poll(() => scripts.some((s) => /model\.worker/.test(s))).toBe(true);
});
