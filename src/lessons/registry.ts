// The lazy lesson registry: every `NN-<slug>.ts` module in this folder is its own chunk, loaded
// when its lesson opens. The slug comes from the file name, so adding a lesson needs no edit here.
import type { Lesson } from './types';
import { LESSONS } from './catalog';
import { CLASSIC, globalOf, loadScript, siteUrl } from '../embed/classic/loadScript';

type Loader = () => Promise<{ default: Lesson }>;

// Vite turns this into one dynamic import (one chunk) per matching file. The classic embed (one
// script, no chunks) reads them all from atlas-lessons.js instead (src/embed/classic/lessons.ts).
const modules: Record<string, () => Promise<{ default: Lesson }>> = CLASSIC
  ? classicLessonModules()
  : import.meta.glob<{ default: Lesson }>(['./[0-9][0-9]-*.ts', './[0-9][0-9]-*.tsx']);

function classicLessonModules(): Record<string, () => Promise<{ default: Lesson }>> {
  const all = () => loadScript(siteUrl('atlas-lessons.js'), () => globalOf<Record<string, { default: Lesson }>>('atlasLessons'));
  const find = (slug: string) => (m: Record<string, { default: Lesson }>) => {
    const hit = Object.entries(m).find(([path]) => slugOfPath(path) === slug);
    if (!hit) throw new Error(`No lesson module for "${slug}"`);
    return hit[1];
  };
  // Keys shaped like the glob's (for slugOfPath); the script's modules are matched by slug.
  return Object.fromEntries(LESSONS.map((l) => [`./00-${l.slug}.ts`, () => all().then(find(l.slug))]));
}

/** Slug → loader, from file names such as `./04-self-attention.ts`. */
export const lessonLoaders: ReadonlyMap<string, Loader> = new Map(
  Object.entries(modules).map(([path, load]) => [slugOfPath(path), load as Loader]),
);

/** `./04-self-attention.ts` → `self-attention`. */
export function slugOfPath(path: string): string {
  return path.replace(/^.*\/\d\d-/, '').replace(/\.tsx?$/, '');
}

/** Whether a lesson module exists for this slug. */
export function hasLesson(slug: string): boolean {
  return lessonLoaders.has(slug);
}

/** Loads a lesson's module (its own chunk); rejects when there is none. */
export async function loadLesson(slug: string): Promise<Lesson> {
  const load = lessonLoaders.get(slug);
  if (!load) throw new Error(`No lesson module for "${slug}"`);
  const mod = await load();
  if (mod.default.slug !== slug) throw new Error(`Lesson file for "${slug}" declares slug "${mod.default.slug}"`);
  return mod.default;
}
