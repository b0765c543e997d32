// Hostile input (issue 9): huge, odd and control-character text in the playground; script, huge and
// negative values in URLs; a throwing or corrupted localStorage; model files of random bytes, 0 bytes
// and 200 MB. Each must end in a clear message or a sane clamp, the app must keep working, and
// nothing may run that should not (no window.__pwned, no dialog, no injected element).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './console';
import { LESSONS } from '../src/lessons/catalog';

const SEP = '\u241f';

/** Fails the test on any dialog (alert/confirm/prompt) and records it. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing injected ran or was inserted: no __pwned flag, no <img src=x>, no javascript: link, no inline script. */
async function nothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], [onerror], [onload], a[href^="javascript:" i], script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
}

/** The playground with the shipped decoder-only model loaded (character input box `input-text`). */
async function playground(page: Page, query = 'model=grammar') {
  await page.goto(`./#/playground?${query}`);
  await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.', { timeout: 30_000 });
}

test('playground text: 100,000 pasted characters, emoji, combining marks, right-to-left and control characters', async ({ page, context }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await playground(page);
  const input = page.getByTestId('input-text');
  const chips = page.getByTestId('token-chips').getByTestId('token-chip');

  // A real paste (Ctrl+V) of 100,000 characters: kept to the app's 2,000-character cap, the run cut
  // to the model's maxLen with a notice, and the page still answers.
  const huge = 'the dog runs . '.repeat(Math.ceil(100_000 / 15)).slice(0, 100_000);
  await page.evaluate((t) => navigator.clipboard.writeText(t), huge);
  await input.fill('');
  await input.focus();
  await page.keyboard.press('Control+V');
  await expect.poll(async () => (await input.inputValue()).length, { timeout: 20_000 }).toBe(2000);
  expect(huge.startsWith(await input.inputValue())).toBe(true);
  await expect(page.getByTestId('truncation-notice')).toContainText('cut off and not run');
  const shown = await chips.count();
  expect(shown).toBeGreaterThan(0);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  expect((await page.getByTestId('heatmap-view').getAttribute('data-query-tokens'))!.split(SEP)).toHaveLength(shown);

  // Emoji (astral and joined), combining marks, right-to-left text and control characters: each
  // becomes tokens or is flagged as outside the vocabulary — nothing throws and the map follows.
  const odd = [
    'the 👩‍👩‍👧 dog 🐕 runs',
    'the cafe\u0301 Z\u0351\u0358\u0362a\u0300\u0301\u0302 dog',
    'the مرحبا dog שלום runs \u202e.sdrawkcab',
    'the\u0000dog\u0007runs\u001b[31m\u200b\u2028 .\ud800',
  ];
  for (const text of odd) {
    await input.fill(text);
    // Every printable character arrives as typed (the browser may drop NUL and lone surrogates).
    const printable = (t: string) => Array.from(t).filter((c) => c >= ' ' && !/[\ud800-\udfff\ufffd]/.test(c)).join('');
    expect(printable(await input.inputValue())).toBe(printable(text));
    await expect(page.getByTestId('unknown-notice')).toBeVisible();
    await expect(page.getByTestId('truncation-notice')).toHaveCount(0);
    await expect(chips.first()).toBeVisible();
    await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }
  // The page still works: a clean input runs and draws.
  await input.fill('the dog runs .');
  await expect(page.getByTestId('unknown-notice')).toHaveCount(0);
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', /^the/, { timeout: 30_000 });
  await expect(page.getByTestId('output-bars').locator('li').first()).toBeVisible();
  await nothingRan(page, dialogs);
});

test('URL parameters with script, huge and negative numbers, unknown models: ignored, clamped or explained', async ({ page }) => {
  test.setTimeout(180_000);
  const dialogs = watchDialogs(page);
  const img = encodeURIComponent('<img src=x onerror="window.__pwned=1;alert(1)">');
  const js = encodeURIComponent('javascript:window.__pwned=1');

  // Playground: script as the model name and as text; absurd layer, head and prefix. A name that
  // cannot be a model name is ignored (the first shipped model loads); the text sits in the box as typed.
  await page.goto(`./#/playground?model=${img}&layer=1e308&head=-3&prefix=-1&mask=%3Cscript%3E&src=${img}`);
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.', { timeout: 30_000 });
  await expect(page.getByTestId('input-src')).toHaveValue('<img src=x onerror="window.__pwned=1;alert(1)">');
  await expect(page.getByTestId('select-layer')).toHaveValue('0');
  await expect(page.getByTestId('select-head')).toHaveValue('0');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await nothingRan(page, dialogs);
  await page.goto(`./#/playground?model=${js}`);
  await page.reload();
  await expect(page.getByTestId('model-status')).toHaveText('Loaded reverse.', { timeout: 30_000 });
  await nothingRan(page, dialogs);
  // An unknown model name says so; the list still loads a model.
  await page.goto('./#/playground?model=gpt-7');
  await expect(page.getByTestId('model-error')).toContainText('There is no shipped model called “gpt-7”');
  await page.getByTestId('model-select').selectOption('grammar');
  await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.', { timeout: 30_000 });

  // A shipped model with absurd numbers: clamped to the model (layer 0, head 0), text shown as typed.
  await page.goto(`./#/playground?model=grammar&layer=99999999999999999999&head=-1&text=${img}`);
  await page.reload(); // the hash change alone may keep the loaded model; a reload reads the URL afresh
  await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.', { timeout: 30_000 });
  await expect(page.getByTestId('input-text')).toHaveValue('<img src=x onerror="window.__pwned=1;alert(1)">');
  await expect(page.getByTestId('select-layer')).toHaveValue('0');
  await expect(page.getByTestId('select-head')).toHaveValue('0');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await nothingRan(page, dialogs);
  await page.goto('./#/playground?model=grammar&layer=-2&head=1e400');
  await page.reload();
  await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.', { timeout: 30_000 });
  await expect(page.getByTestId('select-layer')).toHaveValue('0');
  await expect(page.getByTestId('select-head')).toHaveValue('0');

  // Lesson routes: negative, huge and non-numeric steps are a plain 404; hostile lesson parameters are ignored.
  for (const path of ['learn/masking/-1', 'learn/masking/1e9', 'learn/masking/99999999999999999999', `learn/${img}/1`, `${img}`]) {
    await page.goto(`./#/${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await nothingRan(page, dialogs);
  }
  await page.goto('./#/learn/masking/999');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`./#/learn/masking/2?model=${js}&layer=-5&head=1e308&src=${img}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masking');
  await expect(page.getByTestId('lesson-step')).toBeVisible();
  await page.waitForTimeout(1000);
  await nothingRan(page, dialogs);
  // Glossary with a hostile term; the course map still lists every lesson afterwards.
  await page.goto(`./#/glossary?term=${img}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await page.goto('./#/');
  await expect(page.getByTestId('course-map').getByRole('link')).toHaveCount(LESSONS.length);
  // The embed: a javascript: model and script in text are refused or shown as text.
  await page.goto(`embed.html?widget=next-token&model=${js}&text=${img}&layer=-1&head=1e308`);
  await expect(page.getByTestId('embed-notices')).toContainText('model');
  await nothingRan(page, dialogs);
});

test('a localStorage whose every method throws: the app works, just without remembering', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const boom = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) Storage.prototype[m] = boom as never;
    Object.defineProperty(Storage.prototype, 'length', { get: boom });
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/');
  await expect(page.getByTestId('course-map').getByRole('link')).toHaveCount(LESSONS.length);
  // The theme toggle still switches (auto → light, for this page view).
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // A lesson step and its check: answering (a progress write) works.
  await page.goto('./#/learn/masking/8');
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '8');
  const q = page.getByTestId('question-padding-axis');
  await q.locator('label[data-option="0"] input').check(); // option 0 is the right one; options are shown shuffled
  await expect(page.getByTestId('feedback-padding-axis')).toContainText('Correct');
  // The playground: a model loads and runs, display preferences change.
  await playground(page);
  await page.getByTestId('input-text').fill('the dog runs .');
  await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', /^the/, { timeout: 30_000 });
  await page.getByTestId('pref-colormap').selectOption('cividis');
  await expect(page.getByTestId('pref-colormap')).toHaveValue('cividis');
});

test('corrupted JSON in every stored key: defaults, no crash', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const junk = ['{"state": {"theme": "dark"', 'null', '[]', '"\u0000"', '{"state":{"theme":{"__proto__":{"polluted":1}},"colorMap":42},"version":99}', 'NaN'];
    const keys = ['attention-atlas:preferences', 'attention-atlas:progress', 'attention-atlas:theme'];
    // Whatever the app's keys are, each gets a malformed value.
    keys.forEach((k, i) => localStorage.setItem(k, junk[i % junk.length]));
    for (let i = 0; i < 50; i++) localStorage.setItem(`attention-atlas:junk-${i}`, junk[i % junk.length]);
  });
  for (const value of [
    '{"state": {"theme": "dark"',
    '{"state":{"theme":{"__proto__":{"polluted":1}},"colorMap":42,"motion":"<script>"},"version":99}',
    '[1,2,3]',
  ]) {
    await page.evaluate(
      (v) => {
        localStorage.setItem('attention-atlas:preferences', v);
        localStorage.setItem('attention-atlas:progress', v);
      },
      value,
    ).catch(() => undefined); // the first round runs before any page is open
    await page.goto('./#/');
    await page.reload();
    await expect(page.getByTestId('course-map').getByRole('link')).toHaveCount(LESSONS.length);
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    await playground(page);
    await expect(page.getByTestId('pref-colormap')).toHaveValue('viridis');
    await expect(page.locator('html')).not.toHaveAttribute('data-motion', /./);
  }
  // And the app writes sane values over the junk.
  await page.getByTestId('pref-colormap').selectOption('cividis');
  await page.reload();
  await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.', { timeout: 30_000 });
  await expect(page.getByTestId('pref-colormap')).toHaveValue('cividis');
});

/** Deterministic "random" bytes (xorshift32), so a failure can be reproduced. */
function randomBytes(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

test('model files of random bytes, 0 bytes and 200 MB are refused with a reason; the loaded model keeps working', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  await playground(page);
  const file = page.getByTestId('model-file');
  const error = page.getByTestId('model-error');
  const stillWorks = async (text: string) => {
    await expect(page.getByTestId('model-status')).toHaveText('Loaded grammar.');
    await page.getByTestId('input-text').fill(text);
    await expect(page.getByTestId('heatmap-view')).toHaveAttribute('data-query-tokens', text.split(' ').join(SEP), { timeout: 30_000 });
  };

  // Random bytes, including a first 8 bytes that claim an enormous header.
  for (const [name, buffer] of [
    ['noise.safetensors', randomBytes(64 * 1024)],
    ['noise-small.bin', randomBytes(7, 1)],
    ['huge-header.safetensors', Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), randomBytes(1024, 2)])],
  ] as const) {
    await file.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(error).toContainText(`“${name}” was not loaded`);
    await stillWorks('the dog runs .');
  }
  // Zero bytes.
  await file.setInputFiles({ name: 'empty.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) });
  await expect(error).toContainText('“empty.safetensors” was not loaded');
  await expect(error).toContainText('0 bytes');
  await stillWorks('the cat sees .');

  // 200 MB, made inside the page (no 200 MB over the wire to the browser): refused by its size,
  // and never read — arrayBuffer(), text(), stream() and slice() are watched on every Blob.
  const reads = await page.evaluate(async () => {
    const reads: string[] = [];
    for (const m of ['arrayBuffer', 'text', 'stream', 'bytes', 'slice'] as const) {
      const original = (Blob.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[m];
      if (!original) continue;
      (Blob.prototype as unknown as Record<string, unknown>)[m] = function (this: Blob, ...args: unknown[]) {
        if (this.size > 100 * 2 ** 20) reads.push(m);
        return original.apply(this, args);
      };
    }
    (window as unknown as { __reads: string[] }).__reads = reads;
    const mb = new Uint8Array(2 ** 20);
    const big = new File(Array.from({ length: 200 }, () => mb), 'big.safetensors', { type: 'application/octet-stream' });
    const dt = new DataTransfer();
    dt.items.add(big);
    const input = document.querySelector<HTMLInputElement>('[data-testid="model-file"]')!;
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return big.size;
  });
  expect(reads).toBe(200 * 2 ** 20);
  await expect(error).toContainText('“big.safetensors” was not loaded');
  await expect(error).toContainText('200 MB');
  expect(await page.evaluate(() => (window as unknown as { __reads: string[] }).__reads)).toEqual([]);
  await stillWorks('the dog sees the cat .');
  await nothingRan(page, dialogs);
});

test('security: every built page carries the CSP and no inline script; the only raw HTML is KaTeX with trust off', async ({ page }) => {
  const dist = process.env.E2E_DIST ?? 'dist';
  const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'embed.html']));
  for (const file of pages.filter((f) => !f.startsWith('embed-host'))) {
    const html = readFileSync(join(dist, file), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replace(/&#39;/g, "'") ?? '';
    // scripts from our origin only; WebAssembly may compile (the SIMD kernel), nothing may eval
    expect(/script-src ([^;]*)/.exec(csp)?.[1], file).toBe("'self' 'wasm-unsafe-eval'");
    expect(csp, file).toContain("object-src 'none'");
    expect(csp, file).toContain("worker-src 'self' blob:");
    expect(csp, file).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  }
  // No page, sample host pages included, has an inline script or an inline event handler.
  for (const file of pages) {
    const html = readFileSync(join(dist, file), 'utf8');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), file).toBeNull();
    expect(html.match(/\son[a-z]+=/gi), file).toBeNull();
  }
  // In the browser the policy is the one in force, and the app ran under it.
  await page.goto('./#/');
  await expect(page.getByTestId('course-map')).toBeVisible();
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("object-src 'none'");
  // Source: dangerouslySetInnerHTML appears once, in Tex.tsx, whose KaTeX call has trust: false.
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const raw = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => readFileSync(join(src, f), 'utf8').includes('dangerouslySetInnerHTML'));
  expect(raw.map((f) => f.replace(/\\/g, '/'))).toEqual(['components/Tex.tsx']);
  expect(readFileSync(join(src, 'components/Tex.tsx'), 'utf8')).toMatch(/trust: false/);
});
