// atlas-widgets.js: custom elements drawing panels from the page's own data, loaded by a page on
// another origin from a static host that sends no CORS header. Ports: E2E_PORT + 13 and + 14.
import { resolve } from 'node:path';
import { test, expect } from './console';
import { startStaticServer, type StaticServer } from './staticServer';

test.describe.configure({ mode: 'serial' });

const base = Number(process.env.E2E_PORT ?? 4173);
let atlas: StaticServer;
let host: StaticServer;
const pages: Record<string, string> = {};

test.beforeAll(async () => {
  atlas = await startStaticServer(base + 13, resolve(process.env.E2E_DIST ?? 'dist'));
  host = await startStaticServer(base + 14, null, pages);
});
test.afterAll(async () => {
  await atlas?.close();
  await host?.close();
});

const page1 = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Components</title><link rel="icon" href="data:,">
<script src="${atlas.url}atlas-widgets.js" defer></script></head><body><main><h1>Attention in my notes</h1>
<atlas-attention id="one" tokens='["the","dog","runs"]' weights='[[1,0,0],[0.4,0.6,0],[0.2,0.5,0.3]]' mask='[[0,1,1],[0,0,1],[0,0,0]]'></atlas-attention>
<atlas-attention id="heads" tokens='["a","b"]' weights='[[[1,0],[0.5,0.5]],[[0.9,0.1],[0.2,0.8]]]'></atlas-attention>
<atlas-attention id="cross" tokens='["x","y","z"]' query-tokens='["p","q"]' weights='[[0.1,0.2,0.7],[0.6,0.3,0.1]]'></atlas-attention>
<atlas-attention id="bad" tokens='["a","b"' weights='[[1]]'></atlas-attention>
<atlas-mask id="mask" tokens='["I","like","tea","."]' pattern="causal"></atlas-mask>
<atlas-positional id="pos" length="12" d-model="8"></atlas-positional>
</main></body></html>`;

test('<atlas-attention> from atlas-widgets.js on another origin draws an ARIA grid with the given tokens', async ({ page }) => {
  pages['/notes.html'] = page1();
  await page.goto(`${host.url}notes.html`);
  const one = page.locator('#one');
  const grid = one.getByRole('grid');
  await expect(grid).toBeVisible({ timeout: 20_000 });
  await expect(grid).toHaveAttribute('aria-rowcount', '3');
  await expect(grid).toHaveAttribute('aria-colcount', '3');
  // The tokens label the axes; the table view lists them as row and column headers.
  await one.getByRole('button', { name: /table/i }).first().click();
  const table = one.getByRole('table').first();
  for (const t of ['the', 'dog', 'runs']) await expect(table.getByRole('rowheader', { name: t, exact: true })).toBeVisible();
  // Several heads: a head picker.
  await expect(page.locator('#heads').getByTestId('atlas-head')).toBeVisible();
  await page.locator('#heads').getByTestId('atlas-head').selectOption('1');
  await expect(page.locator('#heads').getByRole('heading', { name: /head 1/ })).toBeVisible();
  // Cross-attention: 2 queries × 3 keys.
  await expect(page.locator('#cross').getByRole('grid')).toHaveAttribute('aria-rowcount', '2');
  await expect(page.locator('#cross').getByRole('grid')).toHaveAttribute('aria-colcount', '3');
  // Bad JSON: one line of text in the element, nothing else.
  await expect(page.locator('#bad').getByTestId('atlas-error')).toHaveText('<atlas-attention>: tokens is not valid JSON.');
  // The mask and positional elements draw their panels too.
  await expect(page.locator('#mask').getByRole('grid').first()).toBeVisible();
  await expect(page.locator('#pos').getByRole('grid').first()).toBeVisible();
  // Changing an attribute redraws.
  await one.evaluate((el) => el.setAttribute('tokens', '["le","chien","court"]'));
  await expect(one.getByRole('table').first().getByRole('rowheader', { name: 'chien', exact: true })).toBeVisible();
});

test('a page of components passes axe', async ({ page }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  pages['/notes.html'] = page1();
  await page.goto(`${host.url}notes.html`);
  await expect(page.locator('#one').getByRole('grid')).toBeVisible({ timeout: 20_000 });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
