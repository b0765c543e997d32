// Bundle budget: the JavaScript a first visit loads (the entry script and its modulepreloads,
// read from each built HTML page) must stay within 200 kB gzipped, and no chunk may exceed
// 500 kB minified. Fails (exit 1) when over budget. Usage: node scripts/check-bundle.mjs [distDir]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const INITIAL_BUDGET = 200 * 1024;
const CHUNK_LIMIT = 500 * 1024;
let failed = false;

for (const page of readdirSync(dist).filter((f) => f.endsWith('.html') && !f.startsWith('embed-host'))) {
  const html = readFileSync(join(dist, page), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
  let total = 0;
  for (const ref of refs) total += gzipSync(readFileSync(join(dist, ref.replace(/^\.?\//, '')))).length;
  const ok = total <= INITIAL_BUDGET;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${page}: initial JS ${(total / 1024).toFixed(1)} kB gzipped (budget ${INITIAL_BUDGET / 1024} kB, ${refs.size} files)`);
}

const assets = join(dist, 'assets');
for (const f of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
  const size = statSync(join(assets, f)).size;
  if (size > CHUNK_LIMIT) {
    failed = true;
    console.log(`OVER chunk ${f}: ${(size / 1024).toFixed(1)} kB (limit ${CHUNK_LIMIT / 1024} kB)`);
  }
}
if (failed) {
  console.error('Bundle budget exceeded.');
  process.exit(1);
}
