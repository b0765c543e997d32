// atlas-lessons.js: every lesson (plain data) as one classic script for the classic embed, loaded by
// the `lesson` widget only (src/lessons/registry.ts). Keyed by file path, like import.meta.glob.
import type { Lesson } from '../../lessons/types';

const modules = import.meta.glob<{ default: Lesson }>(['../../lessons/[0-9][0-9]-*.ts', '../../lessons/[0-9][0-9]-*.tsx'], { eager: true });
(self as unknown as { atlasLessons: Record<string, { default: Lesson }> }).atlasLessons = modules;
