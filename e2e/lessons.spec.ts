// Walks every step of every lesson module in the browser: formulas rendered without KaTeX
// errors, every panel drawn with data, questions answered (wrong first, then right), URL and
// history per step, progress on the course map, an axe check per step, and no console errors.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './console';
import type { Lesson, Question } from '../src/lessons/types';

const dir = fileURLToPath(new URL('../src/lessons/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => /^\d\d-[a-z0-9-]+\.tsx?$/.test(f))
  .sort();

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function checkStep(page: Page, lesson: Lesson, n: number) {
  const step = lesson.steps[n - 1];
  const view = page.getByTestId('lesson-step');
  await expect(view).toHaveAttribute('data-step', String(n));
  await expect(view.getByRole('heading', { level: 2 }).first()).toContainText(step.title);
  // Formulas: every <Tex> has rendered (KaTeX loaded) and none is a KaTeX error.
  await expect(view.locator('.tex[data-tex-state="loading"]')).toHaveCount(0);
  await expect(view.locator('.katex-error')).toHaveCount(0);
  await expect(view.getByTestId('formulas').locator('.tex-display')).toHaveCount(step.formulas?.length ?? 0);
  // Panels: each frame present, its component built and drawn with data.
  const panels = view.locator('figure.lesson-panel');
  await expect(panels).toHaveCount(step.panels?.length ?? 0);
  for (const [i, p] of (step.panels ?? []).entries()) {
    const frame = panels.nth(i);
    await expect(frame).toHaveAttribute('data-testid', `panel-${p.panel}`);
    await expect(frame, `${lesson.slug} step ${n}: panel ${p.panel} built`).toHaveAttribute('data-ready', 'true');
    await expect(frame.locator('[data-panel-ready="true"]').first(), `${lesson.slug} step ${n}: panel ${p.panel} drawn with data`).toBeAttached({
      timeout: 20_000,
    });
    // A drawn grid or plot has content: a canvas, an SVG or a table with cells.
    await expect(frame.locator('canvas, svg, table, input, button').first()).toBeAttached();
  }
}

async function answer(page: Page, q: Question) {
  const box = page.getByTestId(`question-${q.id}`);
  const feedback = page.getByTestId(`feedback-${q.id}`);
  if (q.kind === 'choice') {
    const wrong = q.options.findIndex((o) => !o.correct);
    const right = q.options.findIndex((o) => o.correct);
    // options are shown shuffled per student: pick them by their index in the lesson data
    const radio = (i: number) => box.locator(`label[data-option="${i}"] input`);
    await radio(wrong).check();
    await expect(feedback).toContainText('Not quite');
    if (q.options[wrong].revisit) await expect(page.getByTestId(`revisit-${q.id}`)).toHaveAttribute('href', new RegExp(`^#/learn/[a-z-]+/${q.options[wrong].revisit}$`));
    await radio(right).check();
    await expect(feedback).toContainText('Correct');
  } else {
    // First a wrong answer (nothing selected), then exactly the right cells.
    await page.getByTestId(`check-${q.id}`).click();
    await expect(feedback).toContainText('Not quite');
    for (let i = 0; i < q.rows.length; i++)
      for (let j = 0; j < q.cols.length; j++) if (q.answer(i, j)) await page.getByTestId(`cell-${q.id}-${i}-${j}`).click();
    await page.getByTestId(`check-${q.id}`).click();
    await expect(feedback).toContainText('Correct');
  }
}

for (const file of files) {
  test(`lesson ${file}: every step, formulas, panels, quiz, history, progress, axe`, async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = ((await import(`../src/lessons/${file}`)) as { default: Lesson }).default;
    await page.goto(`./#/learn/${lesson.slug}/1`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
    for (let n = 1; n <= lesson.steps.length; n++) {
      await checkStep(page, lesson, n);
      for (const q of lesson.steps[n - 1].questions ?? []) await answer(page, q);
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`),
        `${lesson.slug} step ${n}: axe`,
      ).toEqual([]);
      if (n < lesson.steps.length) {
        await page.getByTestId('step-next').click();
        await expect(page).toHaveURL(new RegExp(`#/learn/${lesson.slug}/${n + 1}(\\?|$)`));
      }
    }
    await expect(page.getByTestId('quiz-status').last()).toContainText('All answered correctly');
    // History: Back returns to the previous step, Forward to the last one.
    await page.goBack();
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(lesson.steps.length - 1));
    await page.goForward();
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(lesson.steps.length));
    // A direct link lands on that step.
    await page.goto(`./#/learn/${lesson.slug}/2`);
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
    // Progress on the course map.
    await page.goto('./#/');
    await expect(page.getByTestId(`course-${lesson.slug}`)).toHaveAttribute('data-quiz-done', 'true');
    await expect(page.getByTestId(`progress-${lesson.slug}`)).toContainText('Check passed');
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id), 'course map with progress: axe').toEqual([]);
  });
}

test('glossary and references pages pass axe and link back to lessons', async ({ page }) => {
  await page.goto('./#/glossary?term=softmax');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await expect(page.locator('#term-softmax')).toBeFocused();
  await expect(page.locator('.katex-error')).toHaveCount(0);
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.goto('./#/references');
  for (const title of ['Attention Is All You Need', 'RoFormer', 'BERT', 'T5', 'GPT-2', 'Transformer-XL', 'Infini-attention'])
    await expect(page.getByTestId('references')).toContainText(title);
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
});

test('a glossary term in a lesson opens its entry', async ({ page }) => {
  await page.goto('./#/learn/why-transformers/1');
  await page.getByRole('link', { name: 'recurrent network' }).first().click();
  await expect(page).toHaveURL(/#\/glossary\?term=rnn/);
  await expect(page.locator('#term-rnn')).toBeFocused();
});

test('a shared link keeps its input; typed input survives Next; Back returns to the view as it was left', async ({ page }) => {
  // The URL wins over the step's own input on load.
  await page.goto('./#/learn/masking/2?model=reverse&src=hello');
  await expect(page.getByTestId('input-src')).toHaveValue('hello');
  await expect(page.getByTestId('lesson-heatmap')).toBeVisible({ timeout: 20_000 });
  // The learner types; the next step does not set the input, so it stays.
  await page.getByTestId('input-src').fill('xyz');
  await expect(page).toHaveURL(/src=xyz/, { timeout: 5_000 }); // the URL sync has written the view
  await page.getByTestId('step-next').click();
  await expect(page).toHaveURL(/#\/learn\/masking\/3/);
  await expect(page).toHaveURL(/src=xyz/, { timeout: 5_000 });
  // Back: the history entry holds the learner's view, and the URL wins over the step's own input.
  await page.goBack();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('input-src')).toHaveValue('xyz');
  // Moving to a step by its link applies the step's state: step 2 sets its own input again.
  await page.getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('link', { name: 'Full attention' }).click();
  await page.getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('link', { name: 'Padding mask' }).click();
  await expect(page.getByTestId('input-src')).toHaveValue('abc<pad><pad>');
  // The step list links directly to any step.
  await page.getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('link', { name: 'Check your understanding' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '8');
  await expect(page.getByTestId('lesson-step').getByRole('heading', { level: 2 }).first()).toBeFocused();
});

test('masking: switching the mask of the decoder changes the blocked cells and the weights', async ({ page }) => {
  await page.goto('./#/learn/masking/7');
  const heatmap = page.getByTestId('lesson-heatmap');
  await expect(heatmap).toBeVisible({ timeout: 20_000 });
  const table = heatmap.getByTestId('cellmap-table');
  const firstCell = table.locator('tbody tr').first().locator('td').first();
  // While a run streams in over several frames the panel may redraw from scratch and fall back to
  // the map view, so each check (re)opens the table view before reading it.
  const inTable = async (check: () => Promise<void>) =>
    expect(async () => {
      const toggle = heatmap.getByRole('button', { name: 'Show as table' });
      if (await toggle.isVisible()) await toggle.click();
      await check();
    }).toPass({ timeout: 15_000 });
  const S = 7; // "<bos> the dog that the cats chase" (step 7 stops before the verb)
  // Causal: the strict upper triangle is blocked, and the first query can only read itself.
  await inTable(async () => {
    await expect(table.locator('td.viz-td-blocked')).toHaveCount((S * (S - 1)) / 2, { timeout: 1000 });
    await expect(firstCell).toHaveText(/^1(\.0+)?$/, { timeout: 1000 });
  });
  // Full: nothing blocked, and the first query now spreads its weight.
  await page.getByTestId('mask-full').check();
  await inTable(async () => {
    await expect(table.locator('td.viz-td-blocked')).toHaveCount(0, { timeout: 1000 });
    await expect(firstCell).not.toHaveText(/^1(\.0+)?$/, { timeout: 1000 });
  });
  // Prefix 3 (set by step 5): blocked when j > i and j ≥ 3.
  await page.getByTestId('mask-prefix').check();
  let expected = 0;
  for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) if (j > i && j >= 3) expected++;
  await inTable(async () => {
    await expect(table.locator('td.viz-td-blocked')).toHaveCount(expected, { timeout: 1000 });
  });
});

test('tokens and embeddings: typing updates the chips, and a repeated word has identical embedding rows', async ({ page }) => {
  await page.goto('./#/learn/tokens-and-embeddings/7');
  const matrix = page.getByTestId('lesson-matrix-embeddings');
  await expect(matrix).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('input-text').fill('<bos> the dog sees the cat .');
  await expect(page.getByTestId('token-chip')).toHaveCount(7);
  await matrix.getByRole('button', { name: 'Show as table' }).click();
  const rows = matrix.getByTestId('cellmap-table').locator('tbody tr');
  await expect(rows).toHaveCount(7);
  const cells = async (r: number) => (await rows.nth(r).locator('td').allTextContents()).join('|');
  expect(await cells(1)).toBe(await cells(4)); // "the" at positions 1 and 4
  expect(await cells(1)).not.toBe(await cells(2));
});
