// The lazy lesson registry: every `NN-<slug>.ts` module in this folder is its own chunk, loaded
// when its lesson opens. The slug comes from the file name, so adding a lesson needs no edit here.
import type { Lesson } from './types';

type Loader = () => Promise<{ default: Lesson }>;

// Vite turns this into one dynamic import (one chunk) per matching file.
const modules = import.meta.glob<{ default: Lesson }>(['./[0-9][0-9]-*.ts', './[0-9][0-9]-*.tsx']);

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
