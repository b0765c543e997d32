// Hugging Face checkpoints in the playground, end to end: a GPT-2-layout checkpoint dropped as its
// files shows heatmaps with byte-level BPE chips; a BERT folder shows WordPiece chips with special
// tokens; a bad checkpoint is refused in one sentence while the previous model keeps working; a Hub
// model (from a local server laid out like the Hub, started here and proxied same-origin by the
// preview server under /__hub) shows its size before the download, a progress bar, can be cancelled,
// and comes from Cache Storage the second time.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startHubServer, type HubServer } from '../scripts/hub-server';
import { test, expect } from './console';

const fixtures = join(import.meta.dirname, '..', 'src', 'model', 'hf', 'fixtures');
const SEP = '\u241f';
const hubPort = Number(process.env.E2E_PORT ?? 4173) + 1000;

/** Drops a fixture folder's files on the checkpoint drop zone, as a drag from the file manager does. */
async function dropCheckpoint(page: Page, name: string, skip: string[] = []) {
  const files = readdirSync(join(fixtures, name))
    .filter((f) => f !== 'trace.json' && !skip.includes(f))
    .map((f) => ({ name: f, base64: readFileSync(join(fixtures, name, f)).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list)
      dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  const zone = page.getByTestId('hf-drop');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

const chipPieces = (page: Page, testId = 'token-chips') =>
  page.getByTestId(testId).locator('.pg-chip-piece').allTextContents();

test('a GPT-2-layout checkpoint dropped as its files shows heatmaps with byte-level BPE chips', async ({
  page,
}) => {
  await page.goto('./#/playground');
  await dropCheckpoint(page, 'gpt2-f16');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded your checkpoint.');
  await expect(page.getByTestId('model-select')).toContainText('Your file: your checkpoint');
  await page.getByTestId('input-text').fill('The dog saw the cat');
  await expect.poll(() => chipPieces(page)).toEqual(['The', 'Ġdog', 'Ġsaw', 'Ġthe', 'Ġcat']);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute(
    'data-query-tokens',
    ['The', 'Ġdog', 'Ġsaw', 'Ġthe', 'Ġcat'].join(SEP),
  );
  await expect(page.getByTestId('playground-heatmap')).toBeVisible();
  await page.getByTestId('playground-heatmap').getByTestId('table-toggle').click();
  const rows = page.getByTestId('cellmap-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  // Causal (GPT-2): the first query sees only itself.
  const first = await rows.first().locator('td').allTextContents();
  expect(Number(first[0])).toBeCloseTo(1, 3);
  await page.getByTestId('model-card').evaluate((el) => el.closest('details')?.setAttribute('open', ''));
  await expect(page.getByTestId('model-card')).toContainText('BPE, gpt2');
  const axe = await new AxeBuilder({ page }).include('[data-testid="hf-drop"]').analyze();
  expect(axe.violations).toEqual([]);
});

test('a BERT folder shows WordPiece chips and special tokens; a bad checkpoint is refused and the model keeps working', async ({
  page,
}) => {
  await page.goto('./#/playground');
  await page.getByTestId('hf-folder').setInputFiles(join(fixtures, 'bert-f32'));
  await expect(page.getByTestId('model-status')).toHaveText('Loaded bert-f32.');
  await page.getByTestId('input-text').fill('The dog is running [MASK] .');
  await expect
    .poll(() => chipPieces(page))
    .toEqual(['[CLS]', 'the', 'dog', 'is', 'run', '##ning', '[MASK]', '.', '[SEP]']);
  await expect(page.getByTestId('token-chips').locator('[data-special="true"]')).toHaveCount(3);

  // A tokenizer without its model: one sentence; the BERT model still answers new input.
  await dropCheckpoint(page, 'gpt2-f32', ['model.safetensors']);
  await expect(page.getByTestId('model-error')).toHaveText(
    '“your checkpoint” was not loaded: these files hold a tokenizer but no model: add model.safetensors (or its shards and index)',
  );
  await expect(page.getByTestId('model-status')).toHaveText('Loaded bert-f32.');
  await page.getByTestId('input-text').fill('the cat sat');
  await expect.poll(() => chipPieces(page)).toEqual(['[CLS]', 'the', 'cat', 'sat', '[SEP]']);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute(
    'data-query-tokens',
    ['[CLS]', 'the', 'cat', 'sat', '[SEP]'].join(SEP),
  );
});

test.describe('from the Hub', () => {
  test.describe.configure({ mode: 'serial' });
  let hub: HubServer;
  test.beforeAll(async () => {
    hub = await startHubServer({
      repos: {
        'test/gpt2-tiny': join(fixtures, 'gpt2-f16'),
        'test/marian-tiny': join(fixtures, 'marian-f32'),
      },
      port: hubPort,
      prefix: '/__hub',
      chunkBytes: 2048,
      chunkDelayMs: 120,
    });
  });
  test.afterAll(() => hub.close());

  const hubUrl = (repo: string) => `./#/playground?hf=${repo}&testhooks=1&hub=/__hub`;

  test('shows the size first, downloads with a progress bar, and comes from the cache the second time', async ({
    page,
  }) => {
    await page.goto(hubUrl('test/gpt2-tiny'));
    await expect(page.getByTestId('hf-size')).toContainText(
      /test\/gpt2-tiny \(gpt2\): \d+ KB to download, needs about \d+ KB of memory\./,
    );
    expect(hub.log.filter((l) => l.includes('/cdn/') && !l.includes('bytes='))).toEqual([]); // nothing downloaded yet
    await page.getByTestId('hf-download').click();
    await expect(page.getByTestId('hf-progress')).toBeVisible();
    await expect(page.getByTestId('model-status')).toHaveText('Loaded test/gpt2-tiny.');
    await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', /Ġdog/);
    const downloads = hub.log.filter((l) => l.startsWith('GET /cdn/') && !l.includes('bytes=')).length;
    expect(downloads).toBe(2); // the two shards

    const before = hub.log.length;
    await page.reload();
    await expect(page.getByTestId('model-status')).toHaveText('Loaded test/gpt2-tiny.');
    await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', /Ġdog/);
    expect(hub.log.slice(before).filter((l) => l.includes('/test/gpt2-tiny'))).toEqual([]); // all from Cache Storage
  });

  test('a download can be cancelled; the page keeps working and can download again', async ({ page }) => {
    await page.goto(hubUrl('test/marian-tiny'));
    await expect(page.getByTestId('hf-size')).toBeVisible();
    await page.getByTestId('hf-download').click();
    await expect(page.getByTestId('hf-progress')).toBeVisible();
    await page.getByTestId('hf-cancel').click();
    await expect(page.getByTestId('hf-status')).toHaveCount(0);
    await expect(page.getByTestId('model-error')).toHaveCount(0);
    await expect(page.getByTestId('model-status')).not.toHaveText(/Loaded/);
    // Nothing partial was cached: a new attempt shows the full size again and completes.
    await page.getByTestId('hf-repo').fill('test/marian-tiny');
    await page.getByTestId('hf-find').click();
    await expect(page.getByTestId('hf-size')).toContainText('test/marian-tiny (marian)');
    await page.getByTestId('hf-download').click();
    await expect(page.getByTestId('model-status')).toHaveText('Loaded test/marian-tiny.', {
      timeout: 30_000,
    });
    // Marian: SentencePiece pieces with ▁, the source ending in </s>, the target starting at <pad>.
    await expect
      .poll(async () => (await chipPieces(page, 'token-chips-src')).slice(-6))
      .toEqual(['▁dog', '▁saw', '▁the', '▁cat', '.', '</s>']);
    await expect.poll(async () => (await chipPieces(page, 'token-chips-tgt'))[0]).toBe('<pad>');
  });
});
