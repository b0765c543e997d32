// Presentation mode: one step per slide with the chrome hidden and the projector theme; every key of
// the `?` list; the URL per step (reload lands on the same slide); `?steps` and `?controls`; the
// speaker window kept in sync; keys inactive outside presentation mode; one step per printed page.
import type { Page } from '@playwright/test';
import { test, expect } from './console';
import type { Lesson } from '../src/lessons/types';

const SLUG = 'self-attention';

/** The step shown, read from the slide and checked against the URL. */
async function expectStep(page: Page, n: number) {
  await expect(page.getByTestId('present-slide')).toHaveAttribute('data-step', String(n));
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(n));
  await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`^#/learn/${SLUG}/${n}\\?(.*&)?mode=present(&|$)`));
}

async function lessonLength(page: Page): Promise<number> {
  const text = (await page.getByTestId('present-count').textContent()) ?? '';
  return Number(/\/\s*(\d+)/.exec(text)?.[1]);
}

test('presents one step per slide, projector theme, chrome hidden; every navigation key moves and the URL follows', async ({ page }) => {
  await page.goto(`./#/learn/${SLUG}/1?mode=present`);
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('step-tools')).toHaveCount(0);
  await expectStep(page, 1);
  const last = await lessonLength(page);
  expect(last).toBeGreaterThanOrEqual(5);

  for (const [key, to] of [['ArrowRight', 2], [' ', 3], ['PageDown', 4], ['n', 5], ['ArrowLeft', 4], ['PageUp', 3], ['p', 2], ['N', 3], ['P', 2]] as const) {
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await expectStep(page, to);
  }
  await page.keyboard.press('End');
  await expectStep(page, last);
  await page.keyboard.press('ArrowRight'); // the last slide stays
  await expectStep(page, last);
  await page.keyboard.press('Home');
  await expectStep(page, 1);
  // Each step is a history entry: Back returns to the previous slide.
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await page.goBack();
  await expectStep(page, 1);
  // Reloading lands on the same slide.
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await page.reload();
  await expectStep(page, 2);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
});

test('overlays: ? lists the keys, O and Esc the overview, B and . black screen, L pointer, F full screen', async ({ page }) => {
  await page.goto(`./#/learn/${SLUG}/2?mode=present`);
  await expectStep(page, 2);

  await page.keyboard.press('?');
  const help = page.getByTestId('present-help');
  await expect(help).toBeVisible();
  for (const k of ['→  Space  PageDown  N', '←  PageUp  P', 'Home  End', 'F', 'B  .', 'O', 'Esc', 'Enter', 'Z', 'M', 'L', 'S', '?']) await expect(help.locator('kbd', { hasText: k }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('Escape'); // Esc with nothing open: the overview
  const overview = page.getByTestId('present-overview');
  await expect(overview).toBeVisible();
  await expect(overview.getByTestId('overview-step-2')).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('Escape');
  await expect(overview).toHaveCount(0);
  await page.keyboard.press('o');
  await overview.getByTestId('overview-step-4').click();
  await expect(overview).toHaveCount(0);
  await expectStep(page, 4);

  await page.keyboard.press('b');
  await expect(page.getByTestId('present-black')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('present-black')).toHaveCount(0);
  await page.keyboard.press('.');
  await expect(page.getByTestId('present-black')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('present-black')).toHaveCount(0);

  await page.keyboard.press('l');
  const pointer = page.getByTestId('present-pointer');
  await expect(pointer).toBeAttached();
  await page.mouse.move(300, 200);
  await expect.poll(() => pointer.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--x'))).toBe('300px');
  await page.keyboard.press('L');
  await expect(pointer).toHaveCount(0);

  // F asks for full screen; the browser may grant or refuse it, and either way nothing breaks.
  await page.keyboard.press('f');
  await expect
    .poll(async () => (await page.evaluate(() => !!document.fullscreenElement)) || ((await page.getByTestId('present-status').textContent()) ?? '').includes('Full screen'))
    .toBe(true);
  await expectStep(page, 4);
});

test('S opens the speaker window: notes, the next step and a timer, in sync both ways', async ({ page, context }) => {
  await page.goto(`./#/learn/${SLUG}/2?mode=present`);
  await expectStep(page, 2);
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await expect(speaker.getByTestId('speaker-view')).toHaveAttribute('data-step', '2');
  await expect(speaker.getByTestId('speaker-notes')).not.toBeEmpty();
  await expect(speaker.getByTestId('speaker-timer')).toHaveText(/^\d\d:\d\d$/);
  await expect(speaker.getByTestId('speaker-clock')).toHaveText(/\d{1,2}:\d\d/);
  // The audience's slide in small, and the next one's title.
  await expect(speaker.getByTestId('speaker-preview').getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  // The presentation keys work in the speaker window too.
  await speaker.keyboard.press('PageDown');
  await expect(speaker.getByTestId('speaker-view')).toHaveAttribute('data-step', '3');
  await expect(page.getByTestId('present-slide')).toHaveAttribute('data-step', '3');
  await speaker.keyboard.press('ArrowLeft');
  await expect(speaker.getByTestId('speaker-view')).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('present-slide')).toHaveAttribute('data-step', '2');
  const nextTitle = (await speaker.getByTestId('speaker-next').locator('strong').textContent()) ?? '';
  // The presenter moves: the speaker window follows.
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3);
  await expect(speaker.getByTestId('speaker-view')).toHaveAttribute('data-step', '3');
  await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(nextTitle.trim());
  // The speaker moves: the presentation follows.
  await speaker.getByTestId('speaker-next-button').click();
  await expectStep(page, 4);
  await speaker.getByTestId('speaker-prev').click();
  await expectStep(page, 3);
  // One history entry per move (echoes of the same step add none): Back goes to step 4.
  await page.goBack();
  await expectStep(page, 4);
  await expect(speaker.getByTestId('speaker-view')).toHaveAttribute('data-step', '4');
  await speaker.close();
});

test('?steps=3-5 restricts the deck; ?controls=none hides the controls but keeps the keys', async ({ page }) => {
  await page.goto(`./#/learn/${SLUG}/1?mode=present&steps=3-5`);
  await expectStep(page, 3); // a step before the deck moves into it
  await expect(page.getByTestId('present-count')).toHaveText('1 / 3');
  // The speaker window numbers the slides as the audience sees them.
  const [speaker] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('s')]);
  await expect(speaker.getByTestId('speaker-count')).toContainText('slide 1 / 3 (lesson step 3)');
  await speaker.close();
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 3);
  await page.keyboard.press('End');
  await expectStep(page, 5);
  await expect(page).toHaveURL(/steps=3-5/);
  await page.keyboard.press('PageDown');
  await expectStep(page, 5);
  await page.keyboard.press('Home');
  await expectStep(page, 3);
  await page.keyboard.press('o');
  await expect(page.getByTestId('present-overview').locator('li')).toHaveCount(3);
  await page.keyboard.press('Escape');

  await page.goto(`./#/learn/${SLUG}/2?mode=present&controls=none`);
  await expectStep(page, 2);
  await expect(page.getByTestId('present-controls')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3);
  await expect(page).toHaveURL(/controls=none/);
});

test('the Present button enters presentation mode at this step, Exit leaves it; keys do nothing outside it', async ({ page }) => {
  await page.goto(`./#/learn/${SLUG}/2`);
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  // Single-key shortcuts are inert on the ordinary page.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['n', 'ArrowRight', 'b', 'o', '?']) await page.keyboard.press(key);
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByTestId('present-help')).toHaveCount(0);

  await page.getByTestId('present-button').click();
  await expectStep(page, 2);
  await page.getByTestId('present-next').click();
  await expectStep(page, 3);
  await page.getByTestId('present-exit').click();
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '3');
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'projector');
  expect(new URL(page.url()).hash).not.toContain('mode=');
});

test('typing in a slide does not move it, and print lays out one step per page without chrome', async ({ page }) => {
  // The first step of the lesson with an input box; the URL picks the shipped model so it loads.
  const lesson = ((await import('../src/lessons/05-self-attention')) as { default: Lesson }).default;
  const n = lesson.steps.findIndex((s) => s.panels?.some((p) => p.panel === 'input')) + 1;
  expect(n).toBeGreaterThan(0);
  await page.goto(`./#/learn/${SLUG}/${n}?mode=present&model=reverse&src=abc`);
  const box = page.getByTestId('present-slide').getByRole('textbox').first();
  await expect(box).toHaveValue('abc', { timeout: 30_000 });
  await box.click();
  await page.keyboard.press('End');
  await page.keyboard.type('n p');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(box).toHaveValue('abcn p');
  await expectStep(page, n);
  await box.blur();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('present-controls')).toBeHidden();
  expect(await page.getByTestId('lesson-step').evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('present-controls')).toBeVisible();
});

test('the handout prints the deck, one step per page, with notes', async ({ page }) => {
  await page.goto(`./#/learn/${SLUG}/1?mode=present&steps=2-4`);
  await expectStep(page, 2);
  await page.getByTestId('present-handout').click();
  await expect(page).toHaveURL(/mode=handout/);
  const steps = page.getByTestId('handout-step');
  await expect(steps).toHaveCount(3);
  await expect(steps.first()).toHaveAttribute('data-step', '2');
  await expect(steps.first().getByLabel('Speaker notes')).not.toBeEmpty();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  expect(await steps.first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
});

test('presentation mode and its overlays pass axe', async ({ page }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  await page.goto(`./#/learn/why-transformers/1?mode=present`);
  await expectStepOf(page, 'why-transformers', 1);
  const scan = async () => (await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await scan()).toEqual([]);
  await page.keyboard.press('?');
  await expect(page.getByTestId('present-help')).toBeVisible();
  expect(await scan()).toEqual([]);
});

async function expectStepOf(page: Page, slug: string, n: number) {
  await expect(page.getByTestId('present-slide')).toHaveAttribute('data-step', String(n));
  await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`^#/learn/${slug}/${n}\\?`));
}

for (const [w, h] of [[1920, 1080], [1366, 768], [1024, 768]] as const) {
  test(`at ${w}×${h} the title, key sentence and whole first figure of a step are on screen without scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const n of [1, 2, 6]) { // the pipeline, a heatmap, and the input box with a heatmap
      await page.goto(`./#/learn/${SLUG}/${n}?mode=present`);
      const slide = page.getByTestId('present-slide');
      await expect(slide.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
      await expect(page.getByTestId('slide-figure')).toHaveAttribute('data-scale', /\d/);
      await page.waitForTimeout(300); // one more ResizeObserver round after the panel drew
      const inView = async (loc: ReturnType<Page['locator']>) => {
        const b = await loc.boundingBox();
        return !!b && b.x >= 0 && b.y >= 0 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5;
      };
      const figure = page.getByTestId('slide-figure').locator('figure.lesson-panel').first();
      expect(await inView(figure), `figure of step ${n}`).toBe(true);
      expect(await inView(slide.locator('h2').first()), `title of step ${n}`).toBe(true);
      expect(await inView(page.getByTestId('slide-key')), `key sentence of step ${n}`).toBe(true);
      // Nothing scrolls: the slide is exactly the screen.
      expect(await slide.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      // The figure takes a good share of the free width or height (not a small box in a corner).
      const b = (await figure.boundingBox())!;
      const box = (await page.getByTestId('slide-figure').boundingBox())!;
      expect(Math.max(b.width / box.width, b.height / box.height)).toBeGreaterThan(0.9);
    }
  });
}

test('clicker keys: after a click on a heatmap cell PageDown and PageUp still change the step; arrows move cells only after Enter', async ({ page }) => {
  // Step 4 shows a heatmap; each case starts there with a click on a cell (focus in the grid).
  const clickCell = async () => {
    await page.goto(`./#/learn/${SLUG}/4?mode=present`);
    await expectStep(page, 4);
    const grid = page.getByTestId('present-slide').getByRole('grid').first();
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await grid.click({ position: { x: 12, y: 12 } });
    await expect(grid).toBeFocused();
    return grid;
  };
  await clickCell();
  await page.keyboard.press('PageDown');
  await expectStep(page, 5);
  await clickCell();
  await page.keyboard.press('PageUp');
  await expectStep(page, 3);
  // Focus in the figure without entering it: → changes the step too.
  await clickCell();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 5);
  // Enter the figure: the arrows move between cells and the step stays; PageDown still moves on.
  let grid = await clickCell();
  await page.keyboard.press('Enter');
  await expect(grid).toHaveAttribute('data-entered', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 4);
  await page.keyboard.press('PageDown');
  await expectStep(page, 5);
  // Esc leaves the figure (no overview), and → moves on again.
  grid = await clickCell();
  await page.keyboard.press('Enter');
  await expect(grid).toHaveAttribute('data-entered', 'true');
  await page.keyboard.press('Escape');
  await expect(grid).not.toHaveAttribute('data-entered', 'true');
  await expect(page.getByTestId('present-overview')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 5);
  // The help overlay says so.
  await page.keyboard.press('?');
  await expect(page.getByTestId('present-help')).toContainText('always change the step');
  await expect(page.getByTestId('present-help')).toContainText('enter it, so the arrow keys move');
});

test('Present keeps the view set up on the lesson page (input, layer, head), and Exit keeps it and drops the range', async ({ page }) => {
  await page.goto(`./#/learn/${SLUG}/4?model=grammar&text=${encodeURIComponent('<bos> the cats run .')}&layer=1&head=1`);
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '4');
  await expect(page.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
  await page.getByTestId('present-button').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  const hash = () => new URL(page.url()).hash;
  await expect.poll(hash).toContain('layer=1');
  expect(hash()).toContain('head=1');
  expect(new URLSearchParams(hash().split('?')[1]).get('text')).toBe('<bos> the cats run .');
  const grid = page.getByTestId('present-slide').getByRole('grid').first();
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await expect(grid).toHaveAttribute('aria-rowcount', '5');
  await expect(page.getByTestId('present-slide')).toContainText('layer 1');
  await expect(page.getByTestId('present-slide')).toContainText('head 1');
  // A deck range is dropped on Exit; the view stays.
  await page.goto(`./#/learn/${SLUG}/4?mode=present&steps=2-5&model=grammar&layer=1&head=1`);
  await expect(page.getByTestId('presentation')).toBeVisible();
  await page.getByTestId('present-exit').click();
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  expect(hash()).not.toContain('steps=');
  expect(hash()).not.toContain('mode=');
  expect(hash()).toContain('layer=1');
});

test('a handout of three steps prints on at most three A4 pages (and Letter), each step with its figure drawn at its own state', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`./#/learn/${SLUG}/1?mode=handout&steps=2-4`);
  await expect(page.getByTestId('handout')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  const steps = page.getByTestId('handout-step');
  await expect(steps).toHaveCount(3);
  // Steps 2 and 4 draw a heatmap (scores, then weights); step 3 has formulas with their values filled in.
  for (const n of [2, 4]) {
    const step = page.locator(`[data-testid="handout-step"][data-step="${n}"]`);
    await expect(step.locator('img').first()).toBeVisible();
    expect(await step.locator('img').first().evaluate((img: HTMLImageElement) => img.naturalWidth > 0 && img.src.startsWith('data:image/png'))).toBe(true);
    await expect(step.locator('button, select, input, [role=grid]')).toHaveCount(0);
  }
  await expect(page.locator('[data-testid="handout-step"][data-step="2"]')).toContainText('Scores');
  await expect(page.locator('[data-testid="handout-step"][data-step="4"]')).toContainText('Weights');
  // A value filled in from the model (√dHead of this model), not a placeholder.
  await expect(page.locator('[data-testid="handout-step"][data-step="3"]')).toContainText(/divisor is\s*\S*16/);
  await page.emulateMedia({ media: 'print' });
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages, format).toBeGreaterThanOrEqual(3);
    expect(pages, format).toBeLessThanOrEqual(3);
  }
});

test('a handout prints quiz questions with room to answer', async ({ page }) => {
  const lesson = ((await import('../src/lessons/05-self-attention')) as { default: Lesson }).default;
  const n = lesson.steps.findIndex((s) => s.questions?.length) + 1;
  await page.goto(`./#/learn/${SLUG}/1?mode=handout&steps=${n}`);
  await expect(page.getByTestId('handout')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  const step = page.getByTestId('handout-step');
  const q = lesson.steps[n - 1].questions!;
  await expect(step.locator('.handout-questions > li')).toHaveCount(q.length);
  await expect(step.locator('.handout-answer')).toHaveCount(q.length);
});
