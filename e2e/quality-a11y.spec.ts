// Accessibility gates (issue 9): axe (WCAG 2.2 A/AA) on every route and every embed widget in light
// and dark, every lesson step's first screen in dark (light is scanned by lessons*.spec.ts), a
// keyboard-only walk through a whole lesson, reflow at 320 px, forced colours and reduced motion.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './console';
import { LESSONS } from '../src/lessons/catalog';
import type { Lesson } from '../src/lessons/types';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

/** axe violations as short readable lines (rule: first few targets). */
async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Waits until every lesson panel on screen is built and drawn with data, and formulas are typeset. */
async function settled(page: Page) {
  await expect(page.locator('.tex[data-tex-state="loading"]')).toHaveCount(0, { timeout: 20_000 });
  const panels = page.locator('figure.lesson-panel');
  const n = await panels.count();
  for (let i = 0; i < n; i++) {
    await expect(panels.nth(i)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const drawn = panels.nth(i).locator('[data-panel-ready]');
    if ((await drawn.count()) > 0) await expect(drawn.first()).toHaveAttribute('data-panel-ready', 'true', { timeout: 30_000 });
  }
}

// The routes not already scanned in both themes elsewhere (gallery.spec.ts scans the gallery in
// light, dark and projector; playground.spec.ts the playground with a model and input).
const ROUTES: { hash: string; ready: (page: Page) => Promise<void> }[] = [
  { hash: '#/', ready: (p) => expect(p.getByTestId('course-map')).toBeVisible() },
  { hash: '#/playground', ready: (p) => expect(p.getByTestId('model-status')).toHaveText(/^Loaded /, { timeout: 30_000 }) },
  { hash: '#/models', ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible() },
  { hash: '#/glossary', ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible() },
  { hash: '#/references', ready: (p) => expect(p.getByTestId('references')).toBeVisible() },
  { hash: '#/no/such/page', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toHaveText('Page not found') },
];

test('axe: every route in light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const r of ROUTES) {
      await page.goto(`./${r.hash}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await r.ready(page);
      await settled(page);
      found.push(...(await axe(page)).map((v) => `${theme} ${r.hash} ${v}`));
    }
  }
  expect(found).toEqual([]);
});

// Every step of every lesson, in the dark theme, as it first appears (before any answer).
for (const info of LESSONS) {
  test(`axe (dark): every step of ${info.slug}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`./#/learn/${info.slug}/1`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(info.title);
    const found: string[] = [];
    const total = Number((await page.locator('.step-progress').textContent())!.split('/')[1]);
    expect(total).toBeGreaterThan(1);
    for (let n = 1; n <= total; n++) {
      await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(n));
      await settled(page);
      found.push(...(await axe(page)).map((v) => `step ${n} ${v}`));
      if (n < total) await page.getByTestId('step-next').click();
    }
    expect(found).toEqual([]);
  });
}

const WIDGETS = ['attention-heatmap', 'attention-lines', 'attention-steps', 'mask', 'positional-encoding', 'rope', 'architecture', 'next-token', 'lesson', 'train'];

for (const theme of THEMES)
  test(`axe: every embed widget in ${theme}`, async ({ page }) => {
    test.setTimeout(180_000);
    const found: string[] = [];
    for (const widget of WIDGETS) {
      const query = widget === 'lesson' ? 'lesson=self-attention&step=2&model=reverse&src=hello' : widget === 'train' ? 'task=reverse' : 'model=reverse&text=hello';
      await page.goto(`embed.html?widget=${widget}&${query}&theme=${theme}`);
      await expect(page.getByTestId('embed-root')).toHaveAttribute('data-widget', widget);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      if (widget === 'train') await expect(page.getByTestId('train-status')).toHaveAttribute('data-mode', /^(main|worker)$/, { timeout: 30_000 });
      else await expect(page.locator('[data-panel-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
      await settled(page);
      found.push(...(await axe(page)).map((v) => `${widget} ${v}`));
    }
    expect(found).toEqual([]);
  });

/** Presses Tab (at most `limit` times) until the focused element matches `selector`; records any focus stop without a visible indicator. */
async function tabTo(page: Page, selector: string, unseen: string[], limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { match: false, visible: true, what: 'body' };
      const cs = getComputedStyle(el);
      const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
      const what = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
      return { match: el.matches(sel), visible, what };
    }, selector);
    if (!stop.visible) unseen.push(stop.what);
    if (stop.match) return;
  }
  throw new Error(`${selector} not reached in ${limit} presses of Tab`);
}

test('keyboard only: the whole masking lesson, quiz included, with Tab, Enter, Space and arrows', async ({ page }) => {
  test.setTimeout(300_000);
  const lesson = ((await import('../src/lessons/07-masking')) as { default: Lesson }).default;
  await page.goto('./#/learn/masking/1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masking');
  const unseen: string[] = [];
  for (let n = 1; n <= lesson.steps.length; n++) {
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(n));
    // Next moved focus to the new step's heading, so Tab continues from the step itself.
    if (n > 1) await expect(page.getByTestId('lesson-step').getByRole('heading', { level: 2 }).first()).toBeFocused();
    await settled(page);
    for (const q of lesson.steps[n - 1].questions ?? []) {
      const feedback = page.getByTestId(`feedback-${q.id}`);
      if (q.kind === 'choice') {
        await tabTo(page, `[data-testid="question-${q.id}"] input[type="radio"]`, unseen);
        // Options are shown shuffled per student: find where the right one is shown.
        const right = await page
          .locator(`[data-testid="question-${q.id}"] label.choice`)
          .evaluateAll((ls, r) => ls.findIndex((l) => l.getAttribute('data-option') === String(r)), q.options.findIndex((o) => o.correct));
        // Arrow keys move through the group and select; Space selects the first.
        if (right === 0) await page.keyboard.press('Space');
        else for (let k = 0; k < right; k++) await page.keyboard.press('ArrowDown');
      } else {
        // The cells come in row-major order: Enter toggles the ones the answer wants.
        for (let i = 0; i < q.rows.length; i++)
          for (let j = 0; j < q.cols.length; j++) {
            await tabTo(page, `[data-testid="cell-${q.id}-${i}-${j}"]`, unseen, 5);
            if (q.answer(i, j)) await page.keyboard.press('Enter');
          }
        await tabTo(page, `[data-testid="check-${q.id}"]`, unseen, 5);
        await page.keyboard.press('Enter');
      }
      await expect(feedback).toContainText('Correct');
    }
    if (n < lesson.steps.length) {
      await tabTo(page, '[data-testid="step-next"]', unseen);
      await page.keyboard.press('Enter');
    }
  }
  await expect(page.getByTestId('quiz-status').last()).toContainText('All answered correctly');
  // The last step offers the next lesson, reachable by Tab too.
  await tabTo(page, '[data-testid="next-lesson"]', unseen);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/learn\/feed-forward\/1/);
  expect([...new Set(unseen)], 'focus stops without a visible focus indicator').toEqual([]);
});

test('reflow: at 320 px wide no route scrolls sideways, and wide figures scroll in their own focusable region', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 320, height: 720 });
  const pages = [...ROUTES.map((r) => r.hash), '#/gallery', '#/learn/self-attention/4', '#/learn/masking/7', '#/learn/positional-encoding/3'];
  const found: string[] = [];
  for (const hash of pages) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (hash === '#/gallery') await expect(page.getByTestId('gallery-cost')).toBeVisible({ timeout: 30_000 });
    if (hash === '#/playground') await expect(page.getByTestId('model-status')).toHaveText(/^Loaded /, { timeout: 30_000 });
    await settled(page);
    const r = await page.evaluate(() => {
      const width = document.scrollingElement!.scrollWidth;
      // A region that scrolls sideways must be reachable by keyboard (itself or something inside).
      const traps: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const cs = getComputedStyle(el);
        if (!/(auto|scroll)/.test(cs.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
        const focusable = el.tabIndex >= 0 || el.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
        if (!focusable) traps.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`);
      }
      return { width, traps };
    });
    if (r.width > 320) found.push(`${hash}: page is ${r.width} px wide`);
    for (const t of r.traps) found.push(`${hash}: ${t} scrolls but cannot be focused`);
  }
  expect(found).toEqual([]);
});

test('forced colours and reduced motion: blocked cells, focus, the table alternative and no running animation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto('./#/learn/masking/7');
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches && matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  const heatmap = page.getByTestId('lesson-heatmap');
  await expect(heatmap).toBeVisible({ timeout: 30_000 });
  await settled(page);
  // The decoder's causal mask: one hatched run per row but the last (S − 1), S(S − 1)/2 cells.
  const S = Number(await heatmap.getByTestId('cellmap-grid').getAttribute('aria-rowcount'));
  expect(S).toBeGreaterThan(2);

  // Blocked cells are hatched with two stripes of different forced colours, so they stay distinct.
  await expect(heatmap.getByTestId('blocked-hatch').locator('rect')).toHaveCount(S - 1);
  const stripes = await heatmap.evaluate((el) => {
    const fill = el.querySelector('[data-testid="blocked-hatch"] rect')!.getAttribute('fill')!;
    const id = /url\(#(.+)\)/.exec(fill)![1];
    const pattern = el.ownerDocument.getElementById(id)!;
    return Array.from(pattern.querySelectorAll('line'), (l) => getComputedStyle(l).stroke);
  });
  expect(new Set(stripes).size, `hatch stripes ${stripes.join(' / ')}`).toBeGreaterThan(1);
  // The legend still reads in numbers, and names the hatch.
  await expect(heatmap.locator('svg text').filter({ hasText: /^0(\.0+)?$/ }).first()).toBeAttached();
  await expect(heatmap.locator('svg text').filter({ hasText: 'blocked' }).first()).toBeAttached();

  // The heatmap's grid (one tab stop, arrows move) shows its focus in forced colours.
  const outline = () =>
    page.evaluate(() => {
      const cs = getComputedStyle(document.activeElement!);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, bg: getComputedStyle(document.body).backgroundColor };
    });
  await heatmap.getByTestId('cellmap-grid').focus();
  await page.keyboard.press('ArrowRight');
  let o = await outline();
  expect(o.style).not.toBe('none');
  expect(o.width).toBeGreaterThanOrEqual(2);

  // The table alternative says "blocked" in words (no colour needed), opened from the keyboard.
  await heatmap.getByRole('button', { name: 'Show as table' }).focus();
  await page.keyboard.press('Enter');
  const table = heatmap.getByTestId('cellmap-table');
  await expect(table.locator('td.viz-td-blocked')).toHaveCount((S * (S - 1)) / 2);
  for (const td of await table.locator('td.viz-td-blocked').all()) await expect(td).toContainText('blocked');
  await expect(table.locator('td.viz-td-blocked').first()).toBeVisible();

  // Focus stays visible on a button too.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  o = await outline();
  expect(o.style).not.toBe('none');
  expect(o.width).toBeGreaterThanOrEqual(2);
  expect(o.color).not.toBe(o.bg);

  // Interaction under reduced motion: switching the mask starts no running animation or transition.
  await page.getByTestId('mask-full').focus();
  await page.keyboard.press('Space');
  await expect(table.locator('td.viz-td-blocked')).toHaveCount(0);
  const motion = await page.evaluate(() => {
    const running = document.getAnimations().filter((a) => a.playState === 'running' && Number(a.effect?.getComputedTiming().duration ?? 0) > 1);
    const long: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const cs = getComputedStyle(el);
      const secs = (v: string) => Math.max(...v.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t))));
      if (cs.animationName !== 'none' && secs(cs.animationDuration) > 0.01) long.push(`animation ${el.tagName} ${cs.animationName}`);
      if (cs.transitionProperty !== 'none' && secs(cs.transitionDuration) > 0.01) long.push(`transition ${el.tagName}.${String(el.className).split(' ')[0]}`);
    }
    return { running: running.length, long: long.slice(0, 5) };
  });
  expect(motion).toEqual({ running: 0, long: [] });
  // Back to causal: the words come back with the blocked cells.
  await page.getByTestId('mask-causal').focus();
  await page.keyboard.press('Space');
  await expect(table.locator('td.viz-td-blocked')).toHaveCount((S * (S - 1)) / 2);
});
