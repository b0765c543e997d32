import { test, expect } from './console';
import { LESSONS } from '../src/lessons/catalog';

test.use({ serviceWorkers: 'allow' });

test('after the first visit the app works with the network off', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByTestId('course-map')).toBeVisible();
  // Wait until the service worker has installed (precached everything) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('course-map').getByRole('link')).toHaveCount(LESSONS.length);
  await page.goto('./#/learn/masking/1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
});
