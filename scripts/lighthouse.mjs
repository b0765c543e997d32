// Lighthouse against the production build in Debian's Chromium: prints performance,
// accessibility, best-practices and SEO scores for the home page and one lesson, and exits 1
// when a gate is missed (performance ≥ 95, accessibility 100, best practices ≥ 95).
// Usage: npm run audit:lighthouse   (builds first; set CHROME_PATH to use another Chromium)
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { findBrowser } from './find-browser.mjs';

const port = Number(process.env.LH_PORT ?? 4190);
const dist = process.env.LH_DIST ?? 'dist';
const pages = ['', '#/learn/self-attention/1'];
const gates = { performance: 95, accessibility: 100, 'best-practices': 95 };

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? findBrowser(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
let failed = false;
try {
  for (const page of pages) {
    const result = await lighthouse(base + page, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const cats = result.lhr.categories;
    const scores = Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
    const line = Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', ');
    const missed = Object.entries(gates).filter(([k, min]) => scores[k] < min);
    failed ||= missed.length > 0;
    console.log(`${missed.length ? 'FAIL' : 'ok  '} ${page || '#/'}: ${line}`);
    for (const [k] of missed) {
      const bad = cats[k].auditRefs
        .map((r) => result.lhr.audits[r.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
        .map((a) => `  - ${a.id}: ${a.title}`);
      console.log(bad.slice(0, 8).join('\n'));
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
process.exit(failed ? 1 : 0);
