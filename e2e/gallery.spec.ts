// The visualization gallery: a screenshot of every entry, an axe check (WCAG 2.2 A/AA), drawn colours
// and table values equal to the data, the ARIA grid keyboard model, tooltips, export and selection.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './console';
import { sequentialScale } from '../src/visualizations/scales';

const ENTRIES = [
  'heatmap',
  'heatmap-512',
  'overviews',
  'token-lines',
  'matrices',
  'core',
  'multi-head',
  'residual',
  'pipeline',
  'masks',
  'positional',
  'architecture',
  'output',
  'cost',
];

async function openGallery(page: Page) {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto('./#/gallery');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gallery');
  await expect(page.getByTestId('gallery-cost')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.tex[data-tex-state="loading"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('.tex .katex').first()).toBeVisible();
  await expect(page.locator('.katex-error')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

async function downloadJson(page: Page, panel: Locator): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('export-json').click(),
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

test.describe('gallery', () => {
  for (const id of ENTRIES) {
    test(`screenshot: ${id}`, async ({ page }) => {
      await page.setViewportSize({ width: 1200, height: 900 });
      await openGallery(page);
      const entry = page.getByTestId(`gallery-${id}`);
      await entry.scrollIntoViewIfNeeded();
      await expect(entry).toHaveScreenshot(`gallery-${id}.png`, {
        animations: 'disabled',
        caret: 'hide',
        maxDiffPixelRatio: 0.002,
      });
    });
  }

  for (const theme of ['dark', 'projector'] as const)
    test(`screenshot: heatmap in the ${theme} theme`, async ({ page }) => {
      await page.setViewportSize({ width: 1200, height: 900 });
      await openGallery(page);
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const panel = page.getByTestId('heatmap-weights');
      await panel.scrollIntoViewIfNeeded();
      // Let the theme's re-layout (the projector's larger type re-renders the map) settle first.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await expect(panel).toHaveScreenshot(`heatmap-${theme}.png`, {
        animations: 'disabled',
        caret: 'hide',
        maxDiffPixelRatio: 0.002,
        timeout: 15_000,
      });
    });

  for (const theme of ['light', 'dark', 'projector'] as const)
    test(`axe (${theme} theme): no WCAG 2.2 A/AA violations`, async ({ page }) => {
      await openGallery(page);
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        results.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        ),
      ).toEqual([]);
    });

  test('heatmap: every canvas pixel is the colour of its weight, the table shows the weights', async ({
    page,
  }) => {
    await openGallery(page);
    const panel = page.getByTestId('heatmap-weights');
    const data = (await downloadJson(page, panel)) as {
      weights: number[][];
      mask: number[][];
      queryTokens: string[];
    };
    const S = data.weights.length;
    const pixels = await panel
      .getByTestId('cellmap-canvas')
      .evaluate((c: HTMLCanvasElement) =>
        Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data),
      );
    const scale = sequentialScale('viridis');
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const o = (i * S + j) * 4;
        expect([pixels[o], pixels[o + 1], pixels[o + 2]], `cell ${i},${j}`).toEqual(
          scale.rgb(data.weights[i][j]),
        );
      }
    // Causal: blocked exactly where j > i, hatched in the overlay (one run per row but the last).
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) expect(data.mask[i][j]).toBe(j > i ? 1 : 0);
    await expect(panel.getByTestId('blocked-hatch').locator('rect')).toHaveCount(S - 1);
    await panel.getByTestId('table-toggle').click();
    const table = panel.getByTestId('cellmap-table');
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')),
      );
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const v = Number(cells[i][j].replace(' blocked', '').replace('−', '-'));
        expect(Math.abs(v - data.weights[i][j])).toBeLessThan(5e-5);
        expect(cells[i][j].includes('blocked')).toBe(j > i);
      }
    await expect(table.locator('th[scope="row"]').first()).toHaveText(data.queryTokens[0]);
  });

  test('heatmap keyboard: one tab stop, arrows move the focus cell, announced as query → key: value; Esc hides the tooltip', async ({
    page,
  }) => {
    await openGallery(page);
    const panel = page.getByTestId('heatmap-weights');
    const grid = panel.getByTestId('cellmap-grid');
    await grid.focus();
    await expect(grid).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const active = async () => page.locator(`[id="${await grid.getAttribute('aria-activedescendant')}"]`);
    await expect(await active()).toHaveText(/^query ‘t4’ → key ‘t1’: 0\.39$/);
    await page.keyboard.press('ArrowRight');
    await expect(await active()).toHaveText(/^query ‘t4’ → key ‘t4’: 0\.61$/);
    await page.keyboard.press('ArrowRight');
    await expect(await active()).toHaveText('query ‘t4’ → key ‘t4’: 0.00 (blocked)');
    await page.keyboard.press('End');
    await expect(await active()).toHaveText(/key ‘t3’/);
    const tip = panel.getByTestId('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('blocked');
    await page.keyboard.press('Escape');
    await expect(tip).toHaveCount(0);
    // Enter selects the focus cell.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('picked')).toContainText('query ‘t4’ → key ‘t1’');
    // The grid is one tab stop: Tab leaves it.
    await page.keyboard.press('Tab');
    await expect(grid).not.toBeFocused();
  });

  test('heatmap hover: the tooltip shows the computation and stays while hovered; the map does not re-render', async ({
    page,
  }) => {
    await openGallery(page);
    const panel = page.getByTestId('heatmap-weights');
    const root = panel.locator('.viz-cellmap');
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const before = await root.getAttribute('data-renders');
    const grid = panel.getByTestId('cellmap-grid');
    const box = (await grid.boundingBox())!;
    const cell = box.width / 7;
    for (let j = 0; j < 7; j++) await page.mouse.move(box.x + cell * (j + 0.5), box.y + cell * 3.5);
    const tip = panel.getByTestId('tooltip');
    await expect(tip).toContainText('q3·k6');
    await expect(tip).toContainText('query ‘t9’ (row 3) → key ‘t3’ (column 6)');
    await expect(tip).toContainText('√4');
    await expect(tip).toContainText('blocked: score + (−∞) → weight 0 after softmax');
    await page.mouse.move(box.x + cell * 1.5, box.y + cell * 3.5);
    await expect(tip).toContainText('weight = softmax of row 3 at column 1');
    // Move onto the tooltip: it stays.
    const tb = (await tip.boundingBox())!;
    await page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2, { steps: 4 });
    await page.waitForTimeout(400);
    await expect(tip).toBeVisible();
    expect(await root.getAttribute('data-renders')).toBe(before);
  });

  test('export: SVG contains the cells and the legend; PNG is 2×', async ({ page }) => {
    await openGallery(page);
    const panel = page.getByTestId('heatmap-weights');
    const [svgDl] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-svg').click(),
    ]);
    const svg = readFileSync((await svgDl.path())!, 'utf8');
    expect(svgDl.suggestedFilename()).toMatch(/\.svg$/);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('data-source="cellmap-canvas"');
    // Small maps export as one vector <rect> per cell (exportCells.ts), with the drawn colours.
    expect(svg).toContain('data-cells="7x7"');
    const scale = sequentialScale('viridis');
    const data = (await downloadJson(page, panel)) as { weights: number[][] };
    const fills = [...svg.matchAll(/fill="(rgb\([^"]+\))" data-cell="(\d+),(\d+)"/g)];
    expect(fills).toHaveLength(49);
    for (const [, fill, i, j] of fills)
      expect(fill).toBe(`rgb(${scale.rgb(data.weights[Number(i)][Number(j)]).join(',')})`);
    expect(svg).toContain('attention weight');
    expect(svg).toContain('Queries (rows)');
    const parsed = await page.evaluate(
      (s) => new DOMParser().parseFromString(s, 'image/svg+xml').getElementsByTagName('parsererror').length,
      svg,
    );
    expect(parsed).toBe(0);
    const [pngDl] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-png').click(),
    ]);
    const png = readFileSync((await pngDl.path())!);
    const width = png.readUInt32BE(16);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width).toBe(svgWidth * 2);
    // A 512 × 512 map is embedded as a PNG image at data resolution instead.
    const big = page.getByTestId('heatmap-512');
    const [bigDl] = await Promise.all([page.waitForEvent('download'), big.getByTestId('export-svg').click()]);
    const bigSvg = readFileSync((await bigDl.path())!, 'utf8');
    expect(bigSvg).toContain('data:image/png;base64,');
    expect(bigSvg).not.toContain('data-cells=');
  });

  test('export of the pipeline carries its formulas as LaTeX text', async ({ page }) => {
    await openGallery(page);
    const pipe = page.getByTestId('attention-pipeline');
    const [dl] = await Promise.all([page.waitForEvent('download'), pipe.getByTestId('export-svg').click()]);
    const svg = readFileSync((await dl.path())!, 'utf8');
    expect(svg).toContain('\\text{scores} = \\frac{Q_h K_h^{\\top}}{\\sqrt{d_{\\text{head}}}}');
    expect((svg.match(/data-latex=""/g) ?? []).length).toBe(7);
  });

  test('overview thumbnails open a head; architecture blocks select a stage; pipeline stages step', async ({
    page,
  }) => {
    await openGallery(page);
    await page.getByTestId('model-overview').getByTestId('thumb-1-1').click();
    await expect(page.getByTestId('heatmap-opened').getByRole('heading')).toHaveText(
      'Opened: layer 1, head 1',
    );
    await page.getByTestId('arch-encdec').getByTestId('arch-decoder.crossAttention').click();
    await expect(page.getByTestId('arch-selected')).toHaveText('Selected stage: decoder.crossAttention');
    await expect(page.getByTestId('arch-encdec').getByTestId('arch-decoder.crossAttention')).toHaveAttribute(
      'aria-current',
      'step',
    );
    const pipe = page.getByTestId('attention-pipeline');
    await pipe.getByTestId('stage-softmax').click();
    await expect(pipe.getByTestId('formula-softmax')).toHaveAttribute('data-current', 'true');
    await expect(pipe.getByTestId('stage-matrix')).toContainText('softmax');
    await pipe.getByTestId('stage-next').click();
    await expect(pipe.getByTestId('formula-weightedSum')).toHaveAttribute('data-current', 'true');
    await expect(pipe.getByTestId('stage-matrix')).toContainText('[Sq, dHead] = [7, 4]');
  });

  test('mask controls: causal blocks exactly j > i, and padding blocks the last keys', async ({ page }) => {
    await openGallery(page);
    const mask = page.getByTestId('mask-diagram');
    await mask.getByTestId('mask-pattern').selectOption('causal');
    await mask.getByTestId('mask-S').fill('5');
    await mask.getByTestId('mask-padding').fill('2');
    const combined = mask.getByTestId('mask-combined-grid');
    await combined.getByTestId('table-toggle').click();
    const cells = await combined
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.includes('blocked') ?? false),
        ),
      );
    expect(cells.length).toBe(5);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) expect(cells[i][j], `${i},${j}`).toBe(j > i || j >= 3);
  });
});
