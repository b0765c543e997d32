// Embeds on any host: the build served by a plain static server that sends NO CORS header, framed by
// a page on another origin. Every widget renders in <iframe sandbox="allow-scripts"> (an opaque
// origin: modules, workers and fetch would all be CORS requests) and posts its height; also with
// allow-same-origin and without a sandbox. Ports: E2E_PORT + 11 (the build) and + 12 (the host).
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './console';
import { startStaticServer, type StaticServer } from './staticServer';
import { WIDGETS } from '../src/embed/params';

// One pair of servers on fixed ports: the tests of this file run one after another.
test.describe.configure({ mode: 'serial' });

const base = Number(process.env.E2E_PORT ?? 4173);
const dist = resolve(process.env.E2E_DIST ?? 'dist');
let atlas: StaticServer;
let hostServer: StaticServer;

/** A host page with one frame per query, each sandboxed with `sandbox` (null: no sandbox attribute). */
function hostPage(queries: string[], sandbox: string | null): string {
  const frames = queries
    .map((q, i) => `<iframe data-i="${i}" src="${atlas.url}embed.html?${q.replace(/&/g, '&amp;')}" title="w${i}" height="120" style="width:100%" ${sandbox === null ? '' : `sandbox="${sandbox}"`}></iframe>`)
    .join('\n');
  // The host's own listener records each frame's posted heights; embed-host.js (from the atlas
  // origin, a classic script) sizes the frames.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script>window.__heights = {}; addEventListener('message', function (e) {
  var f = Array.prototype.find.call(document.querySelectorAll('iframe'), function (x) { return x.contentWindow === e.source; });
  if (f && e.data && e.data.subject === 'lti.frameResize') window.__heights[f.dataset.i] = e.data.height; });</script>
<script src="${atlas.url}embed-host.js" defer></script></head><body>${frames}</body></html>`;
}

test.beforeAll(async () => {
  atlas = await startStaticServer(base + 11, dist);
  hostServer = await startStaticServer(base + 12, null, pages);
});
test.afterAll(async () => {
  await atlas?.close();
  await hostServer?.close();
});

/** Host pages, served from memory (read at request time). */
const pages: Record<string, string> = {};

async function openHost(page: Page, name: string, queries: string[], sandbox: string | null) {
  pages[`/${name}.html`] = hostPage(queries, sandbox);
  await page.goto(`${hostServer.url}${name}.html`);
}

const QUERY: Record<string, string> = {
  lesson: 'widget=lesson&lesson=self-attention&step=2&model=reverse&src=hello',
  train: 'widget=train&task=reverse',
};
const queryOf = (w: string) => QUERY[w] ?? `widget=${w}&model=reverse&text=hello`;

for (const [label, sandbox] of [['allow-scripts', 'allow-scripts'], ['allow-scripts allow-same-origin', 'allow-scripts allow-same-origin'], ['no sandbox', null]] as const) {
  test(`every widget renders from a host without CORS headers (${label}) and posts its height`, async ({ page }) => {
    test.setTimeout(120_000);
    const cors: string[] = [];
    page.on('console', (m) => {
      if (/CORS|Access-Control/.test(m.text())) cors.push(m.text());
    });
    await openHost(page, `host-${label.replace(/\W+/g, '-')}`, WIDGETS.map(queryOf), sandbox);
    for (const [i, widget] of WIDGETS.entries()) {
      const frame = page.frameLocator(`iframe[data-i="${i}"]`);
      await expect(frame.getByTestId('embed-root'), widget).toHaveAttribute('data-widget', widget, { timeout: 30_000 });
      await expect(frame.locator('[data-panel-ready="true"]').first(), widget).toBeAttached({ timeout: 45_000 });
      await expect(frame.locator('canvas, svg, table').first(), widget).toBeAttached({ timeout: 30_000 });
      await expect.poll(() => page.evaluate((k) => (window as unknown as { __heights: Record<string, number> }).__heights[k] ?? 0, String(i)), { message: widget }).toBeGreaterThan(100);
    }
    // embed-host.js sized each frame to its posted height.
    const sized = await page.evaluate(() => Array.from(document.querySelectorAll('iframe'), (f) => f.style.height));
    expect(sized.every((h) => /^\d+px$/.test(h) && parseInt(h) > 100)).toBe(true);
    expect(cors).toEqual([]);
  });
}

test('the Embed snippet of a cross-attention view, pasted as-is into a page on another origin, shows that view at its full height', async ({ page }) => {
  await page.goto(`${atlas.url}#/playground?model=reverse&src=hello&stack=decoder&attn=crossAttention&head=1`);
  await expect(page.getByTestId('input-src')).toHaveValue('hello', { timeout: 30_000 });
  await page.getByTestId('share-tools').getByRole('button', { name: /^Embed attention heatmap/ }).click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&'));
  expect(Object.fromEntries(src.searchParams)).toMatchObject({ widget: 'attention-heatmap', model: 'reverse', stack: 'decoder', attn: 'crossAttention', head: '1' });
  pages['/pasted.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="data:,"></head><body><h1>My course</h1>\n${snippet}\n</body></html>`;
  await page.goto(`${hostServer.url}pasted.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: /^Weights: decoder layer 0, cross-attention, head 1$/ })).toBeVisible({ timeout: 30_000 });
  // The snippet's own script line sized the frame to its content: no inner scrollbar.
  await expect
    .poll(async () => {
      const content = await frame.locator('body').evaluate((b) => b.scrollHeight);
      const shown = await page.locator('iframe').evaluate((f) => f.clientHeight);
      return Math.abs(content - shown) <= 2;
    })
    .toBe(true);
  // "Open in Attention Atlas" in this sandbox (pop-ups allowed) opens the app at this view, source included.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), frame.getByTestId('embed-open-app').click()]);
  await tab.waitForLoadState();
  const opened = new URLSearchParams(new URL(tab.url()).hash.split('?')[1]);
  expect({ src: opened.get('src'), stack: opened.get('stack'), attn: opened.get('attn'), head: opened.get('head') }).toEqual({ src: 'hello', stack: 'decoder', attn: 'crossAttention', head: '1' });
  await tab.close();
});

test('in a sandbox without pop-ups or downloads, Open and the exports say why they cannot work', async ({ page, consoleProblems }) => {
  await openHost(page, 'strict', ['widget=attention-heatmap&model=reverse&text=abc'], 'allow-scripts');
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await frame.getByTestId('embed-open-app').click();
  await expect(frame.getByTestId('embed-said')).toContainText('does not allow new tabs');
  await frame.getByRole('button', { name: /SVG/ }).first().click();
  await expect(frame.getByTestId('embed-said')).toContainText('does not allow downloads');
  // The browser reports the two blocked actions itself; those are the only console lines allowed here.
  const expected = [/Blocked opening .* 'allow-popups' permission is not set/, /Download is disallowed/];
  const others = consoleProblems.filter((p) => !expected.some((re) => re.test(p)));
  expect(others).toEqual([]);
  consoleProblems.length = 0;
});
