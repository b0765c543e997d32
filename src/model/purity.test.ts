// The model runs unchanged in the browser worker, Node tests, the CLI and the trainer: its modules
// use no Node, DOM or worker APIs and no Math.random (cli/ and test support are the exceptions).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;
const exempt = ['cli', 'golden', 'train']; // Node-only by design, or owned by the trainer

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return exempt.includes(e.name) && dir === root ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const forbidden: [RegExp, string][] = [
  [/from 'node:|require\(/, 'a Node import'],
  [/\bMath\.random\b/, 'Math.random (use createRng)'],
  [/\b(document|window|localStorage|postMessage|self\.onmessage)\b/, 'a DOM or worker API'],
  [/\bprocess\./, 'process (Node)'],
];

describe('src/model is portable', () => {
  const files = sources(root);
  it('finds the model sources', () => expect(files.length).toBeGreaterThan(15));
  for (const file of files)
    it(relative(root, file), () => {
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
        .map((line) => line.replace(/\s\/\/ .*$/, '')) // trailing comments
        .join('\n');
      for (const [pattern, what] of forbidden)
        expect(code, `${what} in ${relative(root, file)}`).not.toMatch(pattern);
    });
});
