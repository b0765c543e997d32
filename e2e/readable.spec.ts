// Readable figures (issue 14), on every lesson step, the playground and the gallery, at 1280×900 and
// 1024×768: every attention map labels every row and column; no figure draws a row under 12 px
// (panels expose data-row-px, and every canvas belongs to such a panel); nothing inside <main> hides
// overflowing content. The self-attention lesson shows Q, K, V with one labelled row per token and
// the weighted sum of value rows for a chosen query, equal to the trace. Axe (WCAG 2.2 A/AA and
// label-content-name-mismatch) on the gallery, the playground and the attention core.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './console';
import type { Lesson } from '../src/lessons/types';

const dir = fileURLToPath(new URL('../src/lessons/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => /^\d\d-[a-z0-9-]+\.tsx?$/.test(f))
  .sort();
const SIZES = [
  { width: 1280, height: 900 },
  { width: 1024, height: 768 },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Audit {
  unlabelled: string[];
  shortRows: string[];
  orphanCanvases: string[];
  clipped: string[];
}

/** Reads the page: attention maps without a label per row/column, rows under 12 px, canvases outside
 *  a panel that reports its rows, and elements in <main> that hide overflowing content. */
async function audit(page: Page): Promise<Audit> {
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const name = (el: Element) => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
      return `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}[${id}]`;
    };
    const unlabelled: string[] = [];
    for (const m of main.querySelectorAll('[data-attention-map="true"]')) {
      const d = (m as HTMLElement).dataset;
      if (d.rowLabels === undefined) continue; // shown as a table
      if (d.rowLabels !== d.rows || d.colLabels !== d.cols)
        unlabelled.push(`${name(m)}: ${d.rowLabels}/${d.rows} rows, ${d.colLabels}/${d.cols} columns labelled`);
    }
    const shortRows: string[] = [];
    for (const el of main.querySelectorAll('[data-row-px]')) {
      const px = Number((el as HTMLElement).dataset.rowPx);
      if (!(px >= 12)) shortRows.push(`${name(el)}: ${px} px`);
    }
    const orphanCanvases: string[] = [];
    for (const c of main.querySelectorAll('canvas'))
      if (!c.closest('[data-row-px]') && !c.closest('[data-no-rows]')) orphanCanvases.push(name(c.parentElement ?? c));
    const clipped: string[] = [];
    for (const el of main.querySelectorAll('*')) {
      const h = el as HTMLElement;
      if (h.clientWidth <= 2) continue; // visually-hidden text (1 px boxes) and empty boxes
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(h.tagName)) continue; // a text field scrolls its own text
      const cs = getComputedStyle(h);
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      if ((hides(cs.overflowX) || hides(cs.overflow)) && h.scrollWidth > h.clientWidth + 1)
        clipped.push(`${name(h)}: scrollWidth ${h.scrollWidth} > clientWidth ${h.clientWidth}`);
    }
    return { unlabelled, shortRows, orphanCanvases, clipped };
  });
}

async function expectReadable(page: Page, where: string) {
  const a = await audit(page);
  expect(a.unlabelled, `${where}: attention maps label every row and column`).toEqual([]);
  expect(a.shortRows, `${where}: no row under 12 px`).toEqual([]);
  expect(a.orphanCanvases, `${where}: every canvas reports its row geometry`).toEqual([]);
  expect(a.clipped, `${where}: nothing hides overflowing content`).toEqual([]);
}

/** Waits until every panel of the step is drawn with data. */
async function stepReady(page: Page, lesson: Lesson, n: number) {
  const view = page.getByTestId('lesson-step');
  await expect(view).toHaveAttribute('data-step', String(n));
  const panels = view.locator('figure.lesson-panel');
  await expect(panels).toHaveCount(lesson.steps[n - 1].panels?.length ?? 0);
  for (let i = 0; i < (lesson.steps[n - 1].panels?.length ?? 0); i++)
    await expect(panels.nth(i).locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 20_000 });
  await expect(view.locator('[data-panel-ready="false"]')).toHaveCount(0, { timeout: 20_000 });
}

for (const file of files) {
  test(`readable: ${file}, every step at 1280×900 and 1024×768`, async ({ page }) => {
    test.setTimeout(240_000);
    const lesson = ((await import(`../src/lessons/${file}`)) as { default: Lesson }).default;
    for (let n = 1; n <= lesson.steps.length; n++) {
      await page.setViewportSize(SIZES[0]);
      await page.goto(`./#/learn/${lesson.slug}/${n}`);
      await stepReady(page, lesson, n);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.waitForTimeout(150); // ResizeObserver-driven layouts settle
        await expectReadable(page, `${lesson.slug} step ${n} at ${size.width}px`);
      }
    }
  });
}

test('readable: the playground and the gallery at 1280×900 and 1024×768, with axe', async ({ page }) => {
  test.setTimeout(180_000);
  for (const [url, ready] of [
    ['./#/playground', 'playground-figures'],
    ['./#/gallery', 'gallery-core'],
  ] as const) {
    await page.setViewportSize(SIZES[0]);
    await page.goto(url);
    await expect(page.getByTestId(ready).locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await expectReadable(page, `${url} at ${size.width}px`);
    }
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`), `${url}: axe`).toEqual([]);
    // An experimental rule, off by default: a control's visible text must be part of its name.
    const names = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
    expect(names.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`), `${url}: names`).toEqual([]);
  }
});

const num = (s: string | null) => Number((s ?? '').trim().replace('−', '-'));

test('self-attention step 1: Q, K, V of head 0 with one labelled row per token, and the weighted sum of the trace', async ({ page }) => {
  await page.goto('./#/learn/self-attention/1');
  const core = page.getByTestId('lesson-core');
  await expect(core).toBeVisible({ timeout: 20_000 });
  const tokens = await page.locator('[data-testid="core-x"] [data-testid="row-label"]').allTextContents();
  expect(tokens.length).toBeGreaterThan(3);
  expect(tokens).toContain('the₁'); // the sentence has "the" twice: told apart
  for (const m of ['q', 'k', 'v']) {
    const rows = core.getByTestId(`core-${m}-rows`);
    await expect(rows).toHaveAttribute('data-rows', String(tokens.length));
    expect(await rows.getByTestId('row-label').allTextContents(), `${m}: one labelled row per token`).toEqual(tokens);
    expect(Number(await rows.getAttribute('data-row-px'))).toBeGreaterThanOrEqual(14);
  }
  // Choose a query, then check Σ_j weight_j · v_j against the traced head output, from the numbers shown.
  await core.getByTestId('core-query').selectOption('3');
  await core.getByTestId('core-stage-sum').click();
  await expect(core.getByTestId('core-key-row')).toHaveCount(tokens.length);
  const weights = (await core.getByTestId('core-weight').allTextContents()).map(num);
  expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  await core.getByTestId('table-toggle').click();
  const tables = core.getByTestId('core-tables');
  const vRows = await tables.locator('table').nth(2).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent!.replace('−', '-')))),
  );
  const exact = await tables.locator('table').nth(3).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent!.replace('−', '-')))),
  );
  const sumTable = await tables.locator('table').nth(4).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent!.replace('−', '-')))),
  );
  const w = exact.map((r) => r[r.length - 1]); // the weight column of the key table (the fourth table)
  const [sum, traced] = sumTable;
  expect(sum.length).toBe(vRows[0].length);
  for (let c = 0; c < sum.length; c++) {
    const mine = w.reduce((acc, wj, j) => acc + wj * vRows[j][c], 0);
    expect(Math.abs(mine - traced[c]), `dimension ${c}: Σ weight·v from the shown numbers = traced`).toBeLessThan(2e-3);
    expect(Math.abs(sum[c] - traced[c]), `dimension ${c}: the panel's sum = traced`).toBeLessThan(1e-4);
  }
  await expect(core.getByTestId('core-check')).toContainText('equal up to float rounding');
  // Keyboard: the stages step with the buttons, and focusing a key explains its weight.
  await core.getByTestId('table-toggle').click();
  await core.getByTestId('core-back').click();
  await expect(core.locator('[data-stage="softmax"]')).toBeAttached();
  await core.getByTestId('core-key-row').first().getByRole('button').focus();
  await expect(core.getByTestId('core-detail')).toContainText('÷ √');
});

test('embed widget=attention-core: the core of a live model, at the stage the URL names', async ({ page }) => {
  await page.goto('embed.html?widget=attention-core&model=grammar&text=%3Cbos%3E%20the%20dog%20runs%20.&step=6');
  const panel = page.getByTestId('embed-panel');
  await expect(panel.locator('[data-stage="sum"]')).toBeAttached({ timeout: 20_000 });
  await expect(panel.getByTestId('core-q-rows')).toHaveAttribute('data-rows', '5');
  await expect(panel.getByTestId('core-check')).toContainText('equal up to float rounding');
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('the new figures reflow at 320 px: the page never scrolls sideways, every wide figure scrolls in a focusable region', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 720 });
  for (const [path, testId] of [
    ['self-attention/1', 'lesson-core'],
    ['multi-head-attention/2', 'lesson-multi-head'],
    ['multi-head-attention/3', 'lesson-multi-head'],
    ['feed-forward/2', 'lesson-ffn'],
    ['feed-forward/6', 'lesson-residual-add'],
    ['residuals-and-layer-norm/1', 'lesson-residual-add'],
  ] as const) {
    await page.goto(`./#/learn/${path}`);
    await expect(page.getByTestId(testId)).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => {
      const traps: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
        const cs = getComputedStyle(el);
        if (!/(auto|scroll)/.test(cs.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
        const focusable = el.tabIndex >= 0 || el.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
        if (!focusable) traps.push(`${el.tagName}.${el.className}`);
      }
      return { pageWidth: document.documentElement.scrollWidth, traps };
    });
    expect(r.pageWidth, `${path}: page width`).toBeLessThanOrEqual(320);
    expect(r.traps, `${path}: scrollable boxes are focusable`).toEqual([]);
  }
});
