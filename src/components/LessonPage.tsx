import { lessonBySlug } from '../lessons/catalog';
import { NotFound } from './NotFound';

export function LessonPage({ slug, step }: { slug: string; step: number }) {
  const lesson = lessonBySlug(slug);
  if (!lesson) return <NotFound path={`/learn/${slug}/${step}`} />;
  return (
    <main id="main" className="page" tabIndex={-1}>
      <p className="eyebrow">Lesson</p>
      <h1>{lesson.title}</h1>
      <p>{lesson.summary}</p>
      <p data-testid="lesson-step">Step {step}</p>
    </main>
  );
}
