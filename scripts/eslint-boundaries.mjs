// The house's layering rules as one ESLint rule, `atlas/boundaries` (a path-resolving equivalent of
// no-restricted-imports: relative imports are resolved against the importing file, so `../..` from
// any depth is judged by where it lands). eslint.config.js turns it on; src/lint.test.ts probes it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
const under = (p, dir) => p === dir || p.startsWith(`${dir}/`);
const inAny = (p, dirs) => dirs.some((d) => under(p, d));

/**
 * The one package src/model may import: Hugging Face's tokenizer.json runtime (pure JavaScript, no
 * DOM, no dependencies), so real checkpoints are tokenized exactly as their authors do (issue 18).
 */
const MODEL_PACKAGES = ['@huggingface/tokenizers'];

/**
 * One rule per layer: `from` says which files it governs; `bad(target, spec, typeOnly)` says whether an
 * import breaks it (`target` is the repo-relative path of a relative import, null for a package).
 */
export const LAYERS = [
  {
    id: 'model',
    // Its tests may borrow data (src/tasks) to train on; the model's own code may not.
    from: (f) => under(f, 'src/model') && !/\.test\.tsx?$/.test(f),
    bad: (t, spec) => (t ? !under(t, 'src/model') : !(spec === 'vitest' || spec.startsWith('node:') || MODEL_PACKAGES.includes(spec))),
    message: 'src/model imports nothing outside src/model (no DOM, store, worker, React, or package but @huggingface/tokenizers).',
  },
  {
    id: 'visualizations',
    from: (f) => under(f, 'src/visualizations'),
    bad: (t, spec) => (t ? inAny(t, ['src/store', 'src/worker', 'src/components', 'src/panels']) : spec === 'zustand' || spec.startsWith('zustand/')),
    message: 'src/visualizations draws from props: it imports no store, worker, component or panel.',
  },
  {
    id: 'worker',
    from: (f) => under(f, 'src') && !inAny(f, ['src/store', 'src/worker']),
    bad: (t) => !!t && under(t, 'src/worker'),
    message: 'Only src/store (the bridge) and the clients in src/worker touch src/worker; read the store instead.',
  },
  {
    id: 'lessons',
    // Its tests check lesson claims against the live model and the widgets' own arithmetic.
    from: (f) => under(f, 'src/lessons') && !/\.test\.tsx?$/.test(f),
    bad: (t, spec, typeOnly) =>
      t
        ? inAny(t, ['src/components', 'src/store', 'src/worker', 'src/visualizations']) || (under(t, 'src/panels') && !typeOnly)
        : spec === 'react' || spec.startsWith('react/') || spec.startsWith('react-dom') || spec.startsWith('zustand'),
    message: 'Lessons are data: no React, component, store, worker or visualization (panel ids and options as `import type` only).',
  },
];

const rule = {
  meta: { type: 'problem', docs: { description: 'Layering of src/: model, visualizations, worker, lessons' }, schema: [] },
  create(context) {
    const file = rel(context.filename ?? context.getFilename());
    const layers = LAYERS.filter((l) => l.from(file));
    if (!layers.length) return {};
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      const target = spec.startsWith('.') ? rel(path.resolve(ROOT, path.dirname(file), spec)) : null;
      for (const l of layers) if (l.bad(target, spec, typeOnly)) context.report({ node, message: `[${l.id}] ${l.message} (${spec})` });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source, n.importKind === 'type'),
      ExportNamedDeclaration: (n) => check(n, n.source, n.exportKind === 'type'),
      ExportAllDeclaration: (n) => check(n, n.source, n.exportKind === 'type'),
      ImportExpression: (n) => check(n, n.source, false),
    };
  },
};

export default { rules: { boundaries: rule } };
