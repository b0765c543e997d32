// The #/models page lists every shipped model from public/models/index.json, and a card opens
// with its measured metrics; the playground link carries the model name.
import { readFileSync } from 'node:fs';
import { test, expect } from './console';

const index = JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { models: { name: string; title: string }[] };

test('lists the shipped models with their cards', async ({ page }) => {
  await page.goto('#/models');
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  for (const m of index.models) {
    const card = page.getByTestId(`model-card-${m.name}`);
    await expect(card.getByRole('heading', { name: m.title })).toBeVisible();
    await expect(card.getByTestId(`open-${m.name}`)).toHaveAttribute('href', `#/playground?model=${m.name}`);
  }
  const first = page.getByTestId(`model-card-${index.models[0].name}`);
  await first.getByText('Model card').click();
  await expect(first.getByRole('table')).toBeVisible();
  await expect(first.getByRole('cell', { name: 'exact match' }).or(first.getByRole('cell', { name: 'agreement' })).first()).toBeVisible();
});
