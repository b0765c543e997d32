// Finds a Chromium for Playwright without ever downloading one:
// $CHROMIUM_PATH, then Debian's /usr/bin/chromium. Returns undefined to let Playwright
// use its own browser if one was installed with `npx playwright install chromium`.
import { existsSync } from 'node:fs';

/** @returns {string | undefined} */
export function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return undefined;
}
