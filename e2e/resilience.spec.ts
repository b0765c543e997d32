// A page that never goes blank (issue 13): a panel that throws shows its message and "Try again" in
// place while the rest of the page works; a silently closed worker is noticed and restarted; a load
// race never leaves numbers of one model under another's name.
import { test, expect } from './console';

/** React reports an error a boundary caught on the console: expected here, and only these. */
function expectOnlyForcedErrors(problems: string[]) {
  const others = problems.filter((p) => !p.includes('Forced failure of the attention-heatmap panel'));
  expect(others).toEqual([]);
  problems.splice(0);
}

test('a lesson panel that throws shows its message and Try again; the other panel and the step navigation keep working', async ({ page, consoleProblems }) => {
  await page.goto('./#/learn/masking/2?testhooks=1&throwpanel=attention-heatmap');
  const failed = page.getByTestId('panel-attention-heatmap');
  await expect(failed.getByTestId('panel-error')).toContainText('The panel “Attention weights” stopped with an error: Forced failure of the attention-heatmap panel (test hook)');
  // The input panel next to it still works: typing re-runs the model.
  const input = page.getByTestId('panel-input').getByTestId('input-text');
  await expect(input).toBeVisible();
  await input.fill('the dog runs');
  await expect(page.getByTestId('panel-input').getByTestId('token-chip').first()).toBeVisible();
  // Try again draws the heatmap (the hook throws once).
  await failed.getByTestId('error-retry').click();
  await expect(failed.getByTestId('lesson-heatmap')).toBeVisible({ timeout: 30_000 });
  await expect(failed.getByTestId('panel-error')).toHaveCount(0);
  expectOnlyForcedErrors(consoleProblems);
});

test('a playground panel that throws leaves the rest of the playground working', async ({ page, consoleProblems }) => {
  await page.goto('./#/playground?model=reverse&testhooks=1&throwpanel=attention-heatmap');
  const card = page.getByTestId('heatmap-view');
  await expect(card.getByTestId('panel-error')).toContainText('Forced failure of the attention-heatmap panel', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Playground');
  await page.getByTestId('input-text').fill('abc');
  await expect(page.getByTestId('output-bars').locator('li').first()).toBeVisible({ timeout: 30_000 });
  await card.getByTestId('error-retry').click();
  await expect(card.getByTestId('playground-heatmap')).toBeVisible();
  expectOnlyForcedErrors(consoleProblems);
});
