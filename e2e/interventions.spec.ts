// Look inside and intervene (issue 19): the token journey and the logit lens on each architecture,
// an ablated run marked and undone in one click, a share link with ablate= reproducing it, the
// patching sweep, the lesson "Proving what a head does", and axe on all of it.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './console';

const ATTRACTOR = '<bos> the dogs that the cat chases'; // plural subject, singular noun in between
const playground = (query: string) => `./#/playground?${query}`;
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

async function journeyReady(page: Page) {
  await expect(page.getByTestId('playground-journey')).toBeAttached({ timeout: 30_000 });
  await expect(page.getByTestId('journey-prediction')).toBeVisible();
}

const ARCHS = [
  { name: 'decoder-only', query: q({ model: 'grammar', text: ATTRACTOR }), layers: 2, cross: false, stack: 'decoder' },
  { name: 'encoder-only', query: q({ model: 'masked-grammar', text: 'the dogs that the cat chases <mask> .' }), layers: 2, cross: false, stack: 'encoder' },
  { name: 'encoder-decoder', query: q({ model: 'reverse', src: 'atlas', tgt: 'sal' }), layers: 1, cross: true, stack: 'decoder' },
];

for (const arch of ARCHS) {
  test(`journey and logit lens: ${arch.name}`, async ({ page }) => {
    await page.goto(playground(arch.query));
    await journeyReady(page);
    const journey = page.getByTestId('playground-journey');
    for (let l = 0; l < arch.layers; l++) await expect(journey.getByTestId(`journey-layer-${l}`)).toBeVisible();
    await expect(journey.getByTestId(`journey-layer-${arch.layers}`)).toHaveCount(0);
    await expect(journey.getByText('Feed-forward')).toHaveCount(arch.layers);
    await expect(journey.getByText('Cross-attention (reads the encoder output)')).toHaveCount(arch.cross ? arch.layers : 0);
    // Each head names the tokens it read, with weights.
    await expect(journey.getByTestId(`journey-head-${arch.stack}.0.0`)).toContainText(/“.+” ?\d?\s*[\d.]+/);
    // The lens table: one row per layer of the stack feeding the de-embedding; its last row is the prediction.
    const lens = page.getByTestId('playground-lens');
    await expect(lens.locator('tbody tr')).toHaveCount(arch.layers);
    const lastTop = (await lens.getByTestId(`lens-row-${arch.layers - 1}`).locator('td.top').textContent())!.replace(/ [\d.]+%$/, '');
    await expect(page.getByTestId('journey-top')).toHaveText(lastTop);
    // Following another position updates both.
    await page.getByTestId('journey-position').first().selectOption('1');
    await expect(lens.getByRole('caption')).toBeAttached();
    await expect(page.getByTestId('playground-journey').getByRole('heading', { level: 3 }).first()).toContainText('journey');
  });
}

test('an ablated run is marked, and one click restores the clean model', async ({ page }) => {
  await page.goto(playground(q({ model: 'grammar', text: ATTRACTOR })));
  await journeyReady(page);
  await expect(page.getByTestId('journey-top')).toHaveText('“run”');
  await expect(page.getByTestId('intervention-banner')).toHaveCount(0);

  await page.getByTestId('ablate-decoder.1.0').check();
  const banner = page.getByTestId('intervention-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Intervened run');
  await expect(banner).toContainText('decoder.1.0');
  await expect(page.locator('.pg-grid[data-intervened="true"]')).toHaveCount(1);
  await expect(page.getByTestId('intervened-mark').first()).toBeVisible(); // every live panel says so in words
  // Without the subject head the model agrees with the nearer noun (lesson 16's claim).
  await expect(page.getByTestId('journey-top')).toHaveText('“runs”');
  await expect(page.getByTestId('journey-head-decoder.1.0')).toContainText('knocked out');
  await expect.poll(() => new URL(page.url()).hash).toContain('ablate=decoder.1.0');

  await page.getByTestId('restore-clean').click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('intervened-mark')).toHaveCount(0);
  await expect(page.getByTestId('ablate-decoder.1.0')).not.toBeChecked();
  await expect(page.getByTestId('journey-top')).toHaveText('“run”');
  await expect.poll(() => new URL(page.url()).hash).not.toContain('ablate=');
});

test('a share link with ablate reproduces the intervened run; a hostile value is ignored', async ({ page }) => {
  await page.goto(playground(q({ model: 'grammar', text: ATTRACTOR, ablate: 'decoder.1.0' })));
  await journeyReady(page);
  await expect(page.getByTestId('intervention-banner')).toContainText('decoder.1.0');
  await expect(page.getByTestId('ablate-decoder.1.0')).toBeChecked();
  await expect(page.getByTestId('journey-top')).toHaveText('“runs”');

  await page.goto(playground(q({ model: 'grammar', text: ATTRACTOR, ablate: '<img src=x onerror=alert(1)>' })));
  await page.reload();
  await journeyReady(page);
  await expect(page.getByTestId('intervention-banner')).toHaveCount(0);
  await expect(page.getByTestId('journey-top')).toHaveText('“run”');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // A head the model lacks: one clear message, and the restore button.
  await page.goto(playground(q({ model: 'grammar', text: ATTRACTOR, ablate: 'decoder.7.0' })));
  await page.reload();
  await expect(page.getByText(/decoder layer 7 does not exist/).first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('restore-clean').click();
  await journeyReady(page);
  await expect(page.getByTestId('journey-top')).toHaveText('“run”');
});

test('an embed with ablate is marked and can be restored', async ({ page }) => {
  await page.goto(`embed.html?${q({ widget: 'next-token', model: 'grammar', text: ATTRACTOR, ablate: 'decoder.1.0' })}`);
  await expect(page.getByTestId('intervention-banner')).toContainText('decoder.1.0', { timeout: 30_000 });
  await page.getByTestId('restore-clean').click();
  await expect(page.getByTestId('intervention-banner')).toHaveCount(0);
});

test('the patching sweep finds the subject head, with the two-input diff; the page passes axe', async ({ page }) => {
  await page.goto(playground(q({ model: 'grammar', text: '<bos> the dogs that the cats chase', corrupt: '<bos> the dog that the cats chase' })));
  await journeyReady(page);
  await page.getByTestId('run-sweep').click();
  await expect(page.getByTestId('sweep-summary')).toContainText('decoder.1.0', { timeout: 30_000 });
  await expect(page.getByTestId('sweep-grid-map')).toBeVisible();
  await expect(page.getByTestId('diff-heatmaps').getByRole('grid')).toHaveCount(8); // 2 layers × 4 heads
  await page.getByTestId('ablate-decoder.0.2').check();
  await expect(page.getByTestId('intervention-banner')).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('lesson “Proving what a head does”: the knock-out step is marked, the first step is clean', async ({ page }) => {
  await page.goto('./#/learn/proving-what-a-head-does/3');
  await expect(page.getByTestId('intervention-banner')).toContainText('decoder.1.0', { timeout: 30_000 });
  // Without the subject head the verb agrees with the nearer noun: the top token is “runs”.
  await expect(page.getByRole('img', { name: /^Top \d+ tokens: runs / })).toBeVisible({ timeout: 30_000 });
  await page.goto('./#/learn/proving-what-a-head-does/1');
  await expect(page.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await expect(page.getByTestId('intervened-mark')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
