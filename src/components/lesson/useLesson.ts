// Loads a lesson module (its own chunk) for a slug.
import { useEffect, useState } from 'react';
import { loadLesson } from '../../lessons/registry';
import type { Lesson } from '../../lessons/types';

export type LessonLoad =
  | { status: 'loading' }
  | { status: 'ready'; lesson: Lesson }
  | { status: 'error'; message: string };

/** The lesson for a slug, loaded lazily; re-loads when the slug changes. */
export function useLesson(slug: string): LessonLoad {
  const [state, setState] = useState<{ slug: string; load: LessonLoad }>({ slug, load: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    loadLesson(slug).then(
      (lesson) => live && setState({ slug, load: { status: 'ready', lesson } }),
      (e: unknown) => live && setState({ slug, load: { status: 'error', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  return state.slug === slug ? state.load : { status: 'loading' };
}
