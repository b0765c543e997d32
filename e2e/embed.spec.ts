// Embeds: every widget rendered inside <iframe sandbox="allow-scripts"> on a host page, with its
// height posted to the host; hostile parameters shown as text or refused, with no script run; the
// exported SVG of a panel parses and holds its cells; the Embed button's snippet renders the view.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './console';

const WIDGETS = ['attention-heatmap', 'attention-lines', 'attention-steps', 'mask', 'positional-encoding', 'rope', 'architecture', 'next-token', 'lesson'];

/** Opens the test host page with one sandboxed frame for `query`; returns the frame. */
async function host(page: Page, query: string) {
  await page.goto(`embed-host-test.html?embed=${encodeURIComponent(query)}`);
  const iframe = page.getByTestId('embed-frame');
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  return page.frameLocator('[data-testid="embed-frame"]');
}

/** Records every message the host window receives (to catch anything a hostile parameter might send). */
async function recordMessages(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __messages: unknown[] }).__messages = [];
    window.addEventListener('message', (e) => (window as unknown as { __messages: unknown[] }).__messages.push(e.data));
  });
}

for (const widget of WIDGETS) {
  test(`${widget}: renders in a sandboxed frame and posts its height`, async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // The lesson widget's live panels read the author's model (merged into the first step shown).
    const query = widget === 'lesson' ? 'widget=lesson&lesson=self-attention&step=2&model=reverse&src=hello' : `widget=${widget}&model=reverse&text=hello`;
    const frame = await host(page, query);
    await expect(frame.getByTestId('embed-root')).toHaveAttribute('data-widget', widget);
    await expect(frame.getByTestId('embed-notices')).toHaveCount(0);
    await expect(frame.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
    await expect(frame.locator('canvas, svg, table').first()).toBeAttached();
    // Both resize formats arrive from the opaque origin "null", and the host sized the frame.
    const log = page.locator('#log li');
    await expect(log.filter({ hasText: /^iframe\.resize \d+ from origin null$/ }).first()).toBeAttached();
    await expect(log.filter({ hasText: /^lti\.frameResize \d+ from origin null$/ }).first()).toBeAttached();
    await expect
      .poll(async () => {
        const last = (await log.last().textContent()) ?? '';
        const posted = Number(/ (\d+) from/.exec(last)?.[1]);
        const shown = await page.getByTestId('embed-frame').evaluate((el) => (el as HTMLIFrameElement).clientHeight);
        return posted > 100 && shown === posted;
      })
      .toBe(true);
    // An opaque origin cannot start the module worker: the engine ran on the main thread.
    expect(workers).toEqual([]);
  });
}

test('the lesson widget steps with its own buttons and writes no history', async ({ page }) => {
  const frame = await host(page, 'widget=lesson&lesson=self-attention&step=1&model=reverse&src=abc');
  await expect(frame.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
  const before = await page.evaluate(() => history.length);
  await frame.getByTestId('embed-step-next').click();
  await expect(frame.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  // The author's model holds on the next step: its live heatmap is drawn.
  await expect(frame.getByTestId('panel-attention-heatmap').locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await frame.getByTestId('embed-step-prev').click();
  await expect(frame.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
  expect(await page.evaluate(() => history.length)).toBe(before);
  // allow="fullscreen" on the frame: the widget offers full screen (granted or refused, no error).
  await frame.getByTestId('embed-fullscreen').click();
  await expect(frame.getByTestId('lesson-step')).toBeVisible();
});

test('hostile text is shown as text and runs nothing', async ({ page }) => {
  await recordMessages(page);
  const hostile = '<img src=x onerror="parent.postMessage(\'pwned\',\'*\')"><script>parent.postMessage(\'pwned\',\'*\')</script>';
  const frame = await host(page, `widget=attention-heatmap&model=reverse&text=${encodeURIComponent(hostile)}`);
  await expect(frame.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  // On this encoder-decoder model the text is the source: it sits in the box as typed.
  await expect(frame.getByRole('textbox').first()).toHaveValue(hostile);
  await expect(frame.locator('img, script:not([src])')).toHaveCount(0);
  await page.waitForTimeout(500);
  const messages = await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages);
  expect(messages).not.toContain('pwned');
  expect(messages.length).toBeGreaterThan(0); // the resize messages did arrive
});

test('an unknown widget, absurd numbers and hostile parameter names fall back with notices as text', async ({ page }) => {
  await recordMessages(page);
  const query =
    'widget=%3Cscript%3Eparent.postMessage(%27pwned%27,%27*%27)%3C/script%3E&model=reverse&text=abc&layer=99999999999&head=-3&prefix=1e308&step=0' +
    '&theme=%3Csvg%20onload%3Dalert(1)%3E&controls=everything&%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1';
  const frame = await host(page, query);
  const notices = frame.getByTestId('embed-notices');
  await expect(notices).toContainText('Unknown widget “<script>parent.postMessage');
  await expect(notices).toContainText('Parameter “layer” must be a whole number');
  await expect(notices).toContainText('Parameter “head” must be a whole number');
  await expect(notices).toContainText('Parameter “prefix” must be a whole number');
  await expect(notices).toContainText('Parameter “theme” must be one of light, dark, auto, not “<svg onload=alert(1)>”');
  await expect(notices).toContainText('Unknown parameter “<img src=x onerror=alert(1)>” ignored.');
  await expect(notices.locator('li')).toHaveCount(8);
  // The fallback widget (the heatmap) still works with the defaults.
  await expect(frame.getByTestId('embed-root')).toHaveAttribute('data-widget', 'attention-heatmap');
  await expect(frame.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await expect(frame.getByTestId('embed-layer')).toHaveValue('0');
  await expect(frame.locator('img, svg[onload], script:not([src])')).toHaveCount(0);
  const messages = await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages);
  expect(messages).not.toContain('pwned');
});

test('a layer beyond the model is kept inside it, and controls=none shows the figure alone', async ({ page }) => {
  const frame = await host(page, 'widget=attention-heatmap&model=reverse&text=abc&layer=9&head=9&controls=none&theme=dark');
  await expect(frame.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(frame.getByTestId('embed-notices')).toHaveCount(0);
  await expect(frame.getByRole('textbox')).toHaveCount(0);
  await expect(frame.getByTestId('embed-layer')).toHaveCount(0);
  await expect(frame.getByTestId('export-svg')).toBeHidden();
  await expect(frame.getByText('Open in Attention Atlas')).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: /layer 0, self-attention, head 1/ })).toBeVisible();
});

test('an exported SVG parses and contains every cell of the heatmap', async ({ page }) => {
  await page.goto('embed.html?widget=attention-heatmap&model=reverse&text=abcd&controls=min');
  const panel = page.getByTestId('embed-panel');
  await expect(page.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('export-svg').click()]);
  const svg = readFileSync((await download.path())!, 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    const cells = doc.querySelector('[data-cells]');
    return {
      error: error?.textContent ?? null,
      root: doc.documentElement.nodeName,
      cells: cells?.getAttribute('data-cells') ?? null,
      rects: doc.querySelectorAll('[data-cells] rect[data-cell]').length,
      fills: new Set([...doc.querySelectorAll('[data-cells] rect')].map((r) => r.getAttribute('fill'))).size,
      styled: doc.querySelectorAll('[style*="font-family"]').length,
      labels: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' '),
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  // "abcd" is 4 tokens on this character model: a 4 × 4 grid of queries × keys.
  expect(parsed.cells).toBe('4x4');
  expect(parsed.rects).toBe(16);
  expect(parsed.fills).toBeGreaterThan(1);
  expect(parsed.styled).toBeGreaterThan(0);
  expect(parsed.labels).toContain('Queries');
});

test("a panel's Embed button gives a snippet for exactly this view, and the snippet renders it", async ({ page }) => {
  // Lesson 4, step 2 shows the scores heatmap; the URL sets the model, its source and the head.
  await page.goto('./#/learn/self-attention/2?model=reverse&src=abc&head=1');
  const panel = page.getByTestId('panel-attention-heatmap');
  await expect(panel.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  // The view as the app shows it (stack, layer, self- or cross-attention, head): the embed must match.
  const appHeading = (await panel.getByRole('heading', { name: /^Scores: / }).first().textContent())!.trim();
  expect(appHeading).toMatch(/head 1$/);
  await panel.getByTestId('embed-button').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]+\/embed\.html\?widget=attention-heatmap&amp;[^"]*" title="[^"]+" .*loading="lazy" allow="fullscreen" sandbox="allow-scripts[^"]*"><\/iframe>\n<script src="[^"]+\/embed-host\.js" defer><\/script>$/);
  const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&'));
  expect(Object.fromEntries(src.searchParams)).toMatchObject({ widget: 'attention-heatmap', model: 'reverse', src: 'abc', head: '1', show: 'scores' });
  expect(await page.getByTestId('embed-link').inputValue()).toMatch(/#\/learn\/self-attention\/2\?.*head=1/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('embed-dialog')).toHaveCount(0);
  const frame = await host(page, src.search.slice(1));
  await expect(frame.getByRole('heading', { name: appHeading, exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByRole('textbox').first()).toHaveValue('abc');
});

test('a lesson step\'s Embed button embeds the lesson at that step', async ({ page }) => {
  await page.goto('./#/learn/masking/3');
  await page.getByTestId('step-tools').getByTestId('embed-button').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&'));
  expect(src.searchParams.get('widget')).toBe('lesson');
  expect(src.searchParams.get('lesson')).toBe('masking');
  expect(src.searchParams.get('step')).toBe('3');
  const frame = await host(page, src.search.slice(1));
  await expect(frame.getByTestId('lesson-step')).toHaveAttribute('data-step', '3', { timeout: 30_000 });
});

test('embed.html on its own (not framed) works and writes nothing to storage or history', async ({ page }) => {
  await page.goto('embed.html?widget=next-token&model=reverse&text=abc');
  const before = await page.evaluate(() => history.length);
  await expect(page.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await page.getByRole('textbox').first().fill('abcd');
  await page.waitForTimeout(1500); // longer than the app's URL write interval
  expect(await page.evaluate(() => ({ keys: Object.keys(localStorage), history: history.length, url: location.href }))).toEqual({
    keys: [],
    history: before,
    url: new URL('embed.html?widget=next-token&model=reverse&text=abc', page.url()).href,
  });
});

test('the playground offers Embed for its heatmap and next-token bars, with the current view', async ({ page }) => {
  await page.goto('./#/playground?model=reverse&src=xyz&layer=0&head=1');
  const tools = page.getByTestId('share-tools');
  await expect(page.getByTestId('input-src')).toHaveValue('xyz', { timeout: 30_000 }); // the model has loaded
  await tools.getByRole('button', { name: /^Embed attention heatmap/ }).click();
  const src = new URL(/src="([^"]+)"/.exec(await page.getByTestId('embed-snippet').inputValue())![1].replace(/&amp;/g, '&'));
  expect(Object.fromEntries(src.searchParams)).toMatchObject({ widget: 'attention-heatmap', model: 'reverse', src: 'xyz', head: '1' });
});

test('a widget frame passes axe', async ({ page }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  await page.goto('embed.html?widget=attention-heatmap&model=reverse&text=abc');
  await expect(page.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the frame accepts a theme message from its host page, and ignores the same message from anyone else', async ({ page }) => {
  const frame = await host(page, 'widget=architecture&model=reverse&theme=light');
  await expect(frame.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  // From the frame itself (not its parent): ignored.
  await frame.locator('body').evaluate(() => window.postMessage({ type: 'atlas.setTheme', theme: 'dark' }, '*'));
  await page.waitForTimeout(300);
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  // Malformed from the parent: ignored; well-formed from the parent: applied.
  await page.evaluate(() => {
    const w = (document.querySelector('[data-testid="embed-frame"]') as HTMLIFrameElement).contentWindow!;
    w.postMessage({ type: 'atlas.setTheme', theme: '<b>dark</b>' }, '*');
    w.postMessage(JSON.stringify({ type: 'atlas.setTheme', theme: 'dark' }), '*');
  });
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
});
