// The layering rules bite: ESLint (its Node API, the project's own eslint.config.js) is run on one
// probe import per rule, each of which must be reported, and on the real src/ tree, which must be
// clean. If a rule is switched off or stops resolving paths, this fails.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ ruleFilter: ({ ruleId }) => ruleId === 'atlas/boundaries' });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const PROBES: { rule: string; file: string; code: string }[] = [
  { rule: 'model', file: 'src/model/probe.ts', code: "import { useAtlas } from '../store/atlas';\nexport const x = useAtlas;\n" },
  { rule: 'model', file: 'src/model/train/probe.ts', code: "import { create } from 'zustand';\nexport const x = create;\n" },
  { rule: 'visualizations', file: 'src/visualizations/probe.tsx', code: "import { useAtlas } from '../store/atlas';\nexport const x = useAtlas;\n" },
  { rule: 'visualizations', file: 'src/visualizations/gallery/probe.tsx', code: "import { LessonFigure } from '../../components/lesson/LessonFigure';\nexport const x = LessonFigure;\n" },
  { rule: 'worker', file: 'src/components/probe.tsx', code: "import { createModelClient } from '../worker/client';\nexport const x = createModelClient;\n" },
  { rule: 'worker', file: 'src/panels/probe.tsx', code: "export const x = () => import('../worker/engine');\n" },
  { rule: 'lessons', file: 'src/lessons/probe.ts', code: "import { useAtlas } from '../store/atlas';\nexport const x = useAtlas;\n" },
  { rule: 'lessons', file: 'src/lessons/probe.ts', code: "import { useState } from 'react';\nexport const x = useState;\n" },
  { rule: 'lessons', file: 'src/lessons/probe.ts', code: "import { PANELS } from '../panels/registry';\nexport const x = PANELS;\n" },
];

describe('layering lint rules (atlas/boundaries)', () => {
  for (const p of PROBES)
    it(`[${p.rule}] reports ${p.code.split('\n')[0]} in ${p.file}`, async () => {
      const found = await problems(p.code, p.file);
      expect(found.some((m) => m.startsWith(`atlas/boundaries: [${p.rule}]`)), found.join('\n') || 'nothing reported').toBe(true);
    });

  it('allows what the rules allow', async () => {
    expect(await problems("import type { PanelSpec } from '../panels/registry';\nexport type X = PanelSpec;\n", 'src/lessons/probe.ts')).toEqual([]);
    expect(await problems("import { traceKey } from './trace';\nexport const x = traceKey;\n", 'src/model/probe.ts')).toEqual([]);
    expect(await problems("import { createModelClient } from '../worker/client';\nexport const x = createModelClient;\n", 'src/store/probe.ts')).toEqual([]);
  });

  it('finds nothing in the real tree', async () => {
    const results = await eslint.lintFiles(['src']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(found).toEqual([]);
  }, 180_000);
});
