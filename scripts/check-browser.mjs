// Stops `npm test` with one clear line when no Chromium can be found (never downloads one).
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

if (!findBrowser()) {
  let own;
  try {
    const { chromium } = await import('@playwright/test');
    own = existsSync(chromium.executablePath());
  } catch {
    own = false;
  }
  if (!own) {
    console.error(
      'No Chromium found for end-to-end tests: install one with `apt-get install chromium` (or `npx playwright install chromium`), or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
}
