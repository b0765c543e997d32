// A lesson page's content (its own chunk, with the live panels and the store): the steps from the
// lesson module, back/forward, a list of every step (each a direct link), progress marks, and focus
// moved to the step heading on navigation.
import { useCallback, useEffect, useRef } from 'react';
import { lessonBySlug, LESSONS } from '../../lessons/catalog';
import { clampStep } from '../../lessons/stepState';
import { NotFound } from '../NotFound';
import { StepView } from './StepView';
import { useLesson } from './useLesson';
import { goToStep, stepHref } from './navigation';
import { markQuizDone, markVisited, useProgress } from './progress';
import './lesson.css';
import { StepTools } from '../present/StepTools';

export default function LessonView({ slug, step }: { slug: string; step: number }) {
  const info = lessonBySlug(slug);
  const load = useLesson(slug);
  const progress = useProgress()[slug];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const lesson = load.status === 'ready' ? load.lesson : undefined;
  const current = lesson ? clampStep(lesson, step) : step;

  useEffect(() => {
    if (!lesson) return;
    markVisited(slug, current);
    document.title = `${lesson.steps[current - 1].title} — ${lesson.title} — Attention Atlas`;
    // Move focus to the new step for keyboard and screen-reader users, but not on first load.
    if (firstRender.current) firstRender.current = false;
    else headingRef.current?.focus();
  }, [lesson, slug, current]);

  const onQuizComplete = useCallback(() => markQuizDone(slug), [slug]);

  if (!info) return <NotFound path={`/learn/${slug}/${step}`} />;
  const index = LESSONS.indexOf(info);
  const nextLesson = LESSONS[index + 1];
  return (
    <main id="main" className="page lesson-page" tabIndex={-1}>
      <p className="eyebrow">Lesson {index + 1} of {LESSONS.length}</p>
      <h1>{info.title}</h1>
      {load.status === 'loading' && <p role="status">Loading the lesson…</p>}
      {load.status === 'error' && (
        <div className="notice" role="status" data-testid="lesson-missing">
          <p>{info.summary}</p>
          <p>This lesson is still being written. <a href="#/">Back to the course map</a>.</p>
        </div>
      )}
      {lesson && (
        <div className="lesson-layout">
          <nav className="step-list" aria-label="Steps of this lesson">
            <ol>
              {lesson.steps.map((s, i) => (
                <li key={i}>
                  <a
                    href={stepHref(slug, i + 1)}
                    aria-current={i + 1 === current ? 'step' : undefined}
                    className={progress?.visited.includes(i + 1) ? 'visited' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      goToStep(slug, i + 1);
                    }}
                  >
                    {s.title}
                    {progress?.visited.includes(i + 1) && <span className="visually-hidden"> (seen)</span>}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <div className="lesson-main">
            <StepTools slug={slug} step={current} />
            <StepView lesson={lesson} step={current} headingRef={headingRef} onQuizComplete={onQuizComplete} />
            <nav className="step-nav" aria-label="Step navigation">
              {current > 1 ? (
                <a className="btn" href={stepHref(slug, current - 1)} rel="prev" data-testid="step-prev" onClick={(e) => { e.preventDefault(); goToStep(slug, current - 1); }}>
                  ← Back
                </a>
              ) : (
                <span />
              )}
              <span className="step-progress" aria-hidden="true">
                {current} / {lesson.steps.length}
              </span>
              {current < lesson.steps.length ? (
                <a className="btn btn-primary" href={stepHref(slug, current + 1)} rel="next" data-testid="step-next" onClick={(e) => { e.preventDefault(); goToStep(slug, current + 1); }}>
                  Next →
                </a>
              ) : nextLesson ? (
                <a className="btn btn-primary" href={`#/learn/${nextLesson.slug}/1`} data-testid="next-lesson">
                  Next lesson: {nextLesson.title} →
                </a>
              ) : (
                <a className="btn btn-primary" href="#/">Back to the course map</a>
              )}
            </nav>
          </div>
        </div>
      )}
    </main>
  );
}
