// The playground end to end: a model file opened by the user, typing → tokens → heatmap, a refused
// file, a worker crash, rapid typing, over-long input and the URL as the shareable view.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './console';

// A word-level encoder-only fixture (vocabulary <pad>, t1 … t10; maxLen 16), made with PyTorch.
const ENCODER = {
  name: 'encoder.safetensors',
  mimeType: 'application/octet-stream',
  buffer: readFileSync(new URL('../src/model/golden/encoder_sinusoidal_post_relu_pad.safetensors', import.meta.url)),
};
const SEP = '\u241f';

async function openModel(page: Page, url = './#/playground') {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Playground');
  await page.getByTestId('model-file').setInputFiles(ENCODER);
  await expect(page.getByTestId('model-status')).toHaveText('Loaded encoder.safetensors.');
}

/** The tokens on the heatmap's query axis (what the drawn run was computed from). */
const heatmapTokens = (page: Page) => page.getByTestId('heatmap-view').getAttribute('data-query-tokens');

test('typing updates the token chips and the attention heatmap', async ({ page }) => {
  await openModel(page);
  const input = page.getByTestId('input-text');
  await input.fill('t1 t2 t3');
  const chips = page.getByTestId('token-chips').getByTestId('token-chip');
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(2)).toHaveAttribute('data-id', '3');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', ['t1', 't2', 't3'].join(SEP));
  await expect(page.getByTestId('playground-heatmap')).toBeVisible();

  await input.press('End');
  await input.pressSequentially(' t9');
  await expect(chips).toHaveCount(4);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', ['t1', 't2', 't3', 't9'].join(SEP));

  // The table view shows the weights: every row of a softmax sums to 1.
  await page.getByTestId('playground-heatmap').getByTestId('table-toggle').click();
  const rows = page.getByTestId('cellmap-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const sums = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => Number(td.textContent)).reduce((a, b) => a + b, 0)),
  );
  for (const s of sums) expect(s).toBeCloseTo(1, 2);
  // Output probabilities are shown for the last position.
  await expect(page.getByTestId('output-bars').locator('li')).toHaveCount(5);
});

test('a malformed file shows why it was refused and the app keeps working', async ({ page }) => {
  await openModel(page);
  await page.getByTestId('input-text').fill('t4 t5');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', `t4${SEP}t5`);

  await page.getByTestId('model-file').setInputFiles({ name: 'broken.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a model') });
  const error = page.getByTestId('model-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('“broken.safetensors” was not loaded');
  // The previous model is still loaded and still runs.
  await expect(page.getByTestId('model-status')).toHaveText('Loaded encoder.safetensors.');
  await page.getByTestId('input-text').fill('t6 t7 t8');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', ['t6', 't7', 't8'].join(SEP));

  // A file whose header is valid JSON but whose config is wrong names the field.
  const header = JSON.stringify({ __metadata__: { config: JSON.stringify({ arch: 'decoder-only', vocabSize: 4, dModel: 6, nHeads: 4 }) } });
  const bytes = Buffer.alloc(8 + header.length);
  bytes.writeBigUInt64LE(BigInt(header.length), 0);
  bytes.write(header, 8);
  await page.getByTestId('model-file').setInputFiles({ name: 'bad-config.safetensors', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(error).toContainText('bad-config.safetensors');
  await expect(error).toContainText('config');
});

test('a worker crash shows a message, restarts the worker and the next input works', async ({ page }) => {
  await openModel(page, './#/playground?testhooks=1');
  await expect(page.getByTestId('playground')).toHaveAttribute('data-engine', 'worker');
  await page.getByTestId('input-text').fill('t1 t2');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', `t1${SEP}t2`);

  await page.getByTestId('crash-worker').click();
  await expect(page.getByTestId('engine-notice')).toContainText('stopped unexpectedly');
  await expect(page.getByTestId('engine-notice')).toContainText('restarted');

  await page.getByTestId('input-text').fill('t3 t4 t5 t6');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', ['t3', 't4', 't5', 't6'].join(SEP));
  await expect(page.getByTestId('model-status')).toHaveText('Loaded encoder.safetensors.');
});

test('rapid typing never leaves an older result on screen', async ({ page }) => {
  await openModel(page);
  const input = page.getByTestId('input-text');
  await input.fill('');
  // Record every run the heatmap shows while typing.
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="heatmap-view"]')!;
    const seen: number[] = [];
    (window as unknown as { __seen: number[] }).__seen = seen;
    new MutationObserver(() => seen.push(Number(el.getAttribute('data-run-id')))).observe(el, { attributes: true, attributeFilter: ['data-run-id'] });
  });
  const words = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't1', 't2'];
  await input.pressSequentially(words.join(' '), { delay: 0 });
  const expected = words.join(SEP);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', expected);
  await expect(page.getByTestId('token-chips').getByTestId('token-chip')).toHaveCount(words.length);
  // Nothing older arrives later and overwrites it.
  await page.waitForTimeout(800);
  expect(await heatmapTokens(page)).toBe(expected);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false');
  // The runs shown only ever move forward: an older run never replaced a newer one.
  const seen = await page.evaluate(() => (window as unknown as { __seen: number[] }).__seen.filter((id) => id > 0));
  expect(seen.length).toBeGreaterThan(0);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
});

test('over-long input is cut to maxLen with a visible notice', async ({ page }) => {
  await openModel(page);
  const words = Array.from({ length: 20 }, (_, i) => `t${(i % 10) + 1}`);
  await page.getByTestId('input-text').fill(words.join(' '));
  await expect(page.getByTestId('truncation-notice')).toContainText('limit of 16 tokens');
  await expect(page.getByTestId('truncation-notice')).toContainText('the last 4 tokens were cut off');
  await expect(page.getByTestId('token-chips').getByTestId('token-chip')).toHaveCount(16);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', words.slice(0, 16).join(SEP));
  // Unknown words are flagged too, never dropped silently.
  await page.getByTestId('input-text').fill('t1 hello t2');
  await expect(page.getByTestId('unknown-notice')).toBeVisible();
});

test('the view lives in the URL and a reload restores it (shipped model)', async ({ page }) => {
  await page.goto('./#/playground?model=reverse');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.');
  await expect(page.getByTestId('model-select')).toHaveValue('reverse');
  await page.getByTestId('input-src').fill('abc');
  await page.getByTestId('select-stack').selectOption('decoder');
  await page.getByTestId('select-attention').selectOption('crossAttention');
  await page.getByTestId('select-head').selectOption('1');
  await page.getByTestId('mask-prefix').check();
  await page.getByTestId('mask-prefix-length').fill('1');
  // Written at most once a second: the last change arrives within about a second.
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 3000 }).toContain('prefix=1');
  const hash = await page.evaluate(() => location.hash);
  for (const part of ['model=reverse', 'src=abc', 'head=1', 'mask=prefix', 'stack=decoder', 'attn=crossAttention']) expect(hash).toContain(part);
  // History was replaced, not pushed, while editing.
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);

  await page.reload();
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.');
  await expect(page.getByTestId('input-src')).toHaveValue('abc');
  await expect(page.getByTestId('select-stack')).toHaveValue('decoder');
  await expect(page.getByTestId('select-attention')).toHaveValue('crossAttention');
  await expect(page.getByTestId('select-head')).toHaveValue('1');
  await expect(page.getByTestId('mask-prefix')).toBeChecked();
  await expect(page.getByTestId('mask-prefix-length')).toHaveValue('1');
  // Cross-attention: queries are the target (<bos> …), keys the source.
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', /^<bos>/);
});

test('a mask choice shows as hatched cells in the heatmap', async ({ page }) => {
  await openModel(page);
  await page.getByTestId('input-text').fill('t2 t3 t4');
  const hatch = page.getByTestId('playground-heatmap').getByTestId('blocked-hatch').locator('rect');
  await expect(page.getByTestId('mask-full')).toBeChecked();
  await expect(hatch).toHaveCount(0);
  await page.getByTestId('mask-causal').check();
  await expect(hatch).not.toHaveCount(0);
});

test('hostile URL values are ignored and text is never rendered as HTML', async ({ page }) => {
  await page.goto('./#/playground?layer=999&head=-1&mask=evil&text=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E');
  await page.getByTestId('model-file').setInputFiles(ENCODER);
  await expect(page.getByTestId('model-status')).toHaveText('Loaded encoder.safetensors.');
  await expect(page.getByTestId('input-text')).toHaveValue('<img src=x onerror="window.__pwned=1">');
  await expect(page.getByTestId('select-layer')).toHaveValue('0');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('an encoder-decoder generates its target token by token', async ({ page }) => {
  await page.goto('./#/playground');
  await page.getByTestId('model-file').setInputFiles({
    name: 'encdec.safetensors',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(new URL('../src/model/golden/encdec_sinusoidal_post_relu.safetensors', import.meta.url)),
  });
  await expect(page.getByTestId('model-status')).toHaveText('Loaded encdec.safetensors.');
  await page.getByTestId('input-src').fill('t1 t2 t3');
  await page.getByTestId('input-tgt').fill('t4');
  await page.getByTestId('select-stack').selectOption('decoder');
  await page.getByTestId('select-attention').selectOption('crossAttention');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', 't4');
  await page.getByTestId('generate').click();
  // No <eos> in this vocabulary: it generates up to maxLen (16) target tokens.
  await expect(page.getByTestId('token-chips-tgt').getByTestId('token-chip')).toHaveCount(16);
  await expect(page.getByTestId('generate')).toBeVisible();
  const target = (await page.getByTestId('input-tgt').inputValue()).split(' ');
  expect(target).toHaveLength(16);
  expect(target[0]).toBe('t4');
  for (const w of target) expect(w).toMatch(/^t([1-9]|10)$/);
  // The heatmap shows the whole generated target (queries) against the source (keys).
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', target.join('\u241f'));
  await expect(page.getByTestId('playground-heatmap').locator('.viz-label')).not.toHaveCount(0);
});

test('the playground has no WCAG 2.2 A/AA violations, in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./#/playground?model=reverse');
    await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.');
    await page.getByTestId('input-src').fill('attention');
    await expect(page.getByTestId('playground-heatmap')).toBeVisible();
    await expect(page.getByTestId('output-bars')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  }
});

test('keyboard only: type, change the head, pin a cell', async ({ page }) => {
  await page.goto('./#/playground?model=reverse');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.');
  await page.getByTestId('input-src').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('abc');
  await expect(page.getByTestId('token-chips-src').getByTestId('token-chip')).toHaveCount(3);
  await page.getByTestId('select-head').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('select-head')).toHaveValue('1');
  await expect(page.getByTestId('heatmap-view').getByRole('heading', { level: 3 })).toContainText('head 1');
  const grid = page.getByTestId('playground-heatmap').getByTestId('cellmap-grid');
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('playground-heatmap').locator('.viz-selected-cell')).toHaveCount(1);
});

test('a link to a model that is not shipped says so, and choosing one from the list works', async ({ page }) => {
  await page.goto('./#/playground?model=no-such-model');
  await expect(page.getByTestId('model-error')).toContainText('There is no shipped model called “no-such-model”');
  await page.getByTestId('model-select').selectOption('reverse');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.');
  await expect(page.getByTestId('model-error')).toHaveCount(0);
  await expect(page.getByTestId('playground-heatmap')).toBeVisible();
});

test('display preferences persist across reloads; corrupted storage falls back to defaults', async ({ page }) => {
  await page.goto('./#/playground?model=reverse');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.');
  await page.getByTestId('pref-colormap').selectOption('cividis');
  await page.getByTestId('pref-motion').selectOption('reduce');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
  await page.reload();
  await expect(page.getByTestId('pref-colormap')).toHaveValue('cividis');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
  // Preferences only: the input is not in localStorage (it is in the URL).
  const stored = await page.evaluate(() => localStorage.getItem('attention-atlas:preferences'));
  expect(JSON.parse(stored!)).toEqual({ state: { theme: 'auto', colorMap: 'cividis', motion: 'reduce' }, version: 2 });

  await page.evaluate(() => localStorage.setItem('attention-atlas:preferences', '{"state": {"colorMap": "cividis"'));
  await page.reload();
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.');
  await expect(page.getByTestId('pref-colormap')).toHaveValue('viridis');
  await expect(page.locator('html')).not.toHaveAttribute('data-motion', /./);
});

test('a decoder-only model continues the text token by token', async ({ page }) => {
  await page.goto('./#/playground');
  await page.getByTestId('model-file').setInputFiles({
    name: 'decoder.safetensors',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(new URL('../src/model/golden/decoder_learned_pre_gelu_causal.safetensors', import.meta.url)),
  });
  await expect(page.getByTestId('model-status')).toHaveText('Loaded decoder.safetensors.');
  await page.getByTestId('input-text').fill('t1 t2');
  // A decoder's default mask is causal: the upper triangle is hatched.
  await expect(page.getByTestId('mask-causal')).toBeChecked();
  await expect(page.getByTestId('playground-heatmap').getByTestId('blocked-hatch').locator('rect')).not.toHaveCount(0);
  await page.getByTestId('generate').click();
  await expect(page.getByTestId('token-chips').getByTestId('token-chip')).toHaveCount(16);
  const text = (await page.getByTestId('input-text').inputValue()).split(' ');
  expect(text.slice(0, 2)).toEqual(['t1', 't2']);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', text.join('\u241f'));
});
