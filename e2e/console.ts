// A Playwright fixture that fails any test on a console error or warning, or an uncaught exception.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        // Playwright itself logs this when a test blocks the offline service worker (the default here).
        if (msg.text().includes('Service Worker registration blocked by Playwright')) return;
        if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      await use(problems);
      expect(problems, 'console errors or warnings').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
