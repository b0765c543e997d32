import { test, expect } from './console';
import { LESSONS } from '../src/lessons/catalog';

test('home page shows the course map with no console errors', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('course-map').getByRole('link')).toHaveCount(LESSONS.length);
});

test('routes: lesson, playground, gallery and 404', async ({ page }) => {
  await page.goto('./#/learn/self-attention/2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Self-attention');
  await page.goto('./#/playground');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Playground');
  await page.goto('./#/gallery');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gallery');
  await page.goto('./#/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('theme follows the system and the toggle overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-toggle').click(); // auto → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
