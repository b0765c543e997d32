// The course map: every lesson in order, each a link to its first step, with the progress kept
// on this device (steps seen, check passed).
import { LESSONS } from '../lessons/catalog';
import { resetProgress, useProgress } from './lesson/progress';
import './lesson/lesson.css';

export function HomePage() {
  const progress = useProgress();
  const any = Object.keys(progress).length > 0;
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>Watch a transformer think</h1>
      <p className="lede">
        A real transformer runs in your browser. Type any input and follow every number it computes — from
        embeddings through attention to the next token.
      </p>
      <h2>The course</h2>
      <p>
        The lessons build on each other in this order; each one names the lessons it needs. A guess marked below is a predict-then-reveal you committed to.
      </p>
      <ol className="course-map" data-testid="course-map">
        {LESSONS.map((l) => {
          const p = progress[l.slug];
          const seen = p?.visited.length ?? 0;
          const guesses = Object.keys(p?.guesses ?? {}).length;
          const status = [p?.quizDone ? 'Check passed' : seen > 0 ? `${seen} ${seen === 1 ? 'step' : 'steps'} seen` : '', guesses ? `${guesses} ${guesses === 1 ? 'guess' : 'guesses'} made` : '']
            .filter(Boolean)
            .join(' · ');
          const needs = l.needs.map((n) => LESSONS.findIndex((x) => x.slug === n));
          return (
            <li key={l.slug} data-testid={`course-${l.slug}`} data-quiz-done={p?.quizDone ? 'true' : 'false'}>
              <a href={`#/learn/${l.slug}/1`}>
                <strong>{l.title}</strong>
                <span>{l.summary}</span>
                <span className="course-needs" data-testid={`needs-${l.slug}`}>
                  {needs.length === 0 ? 'Start here.' : `Needs: ${needs.map((n) => `${n + 1}. ${LESSONS[n].title}`).join(', ')}`}
                </span>
                {status && (
                  <span className={p?.quizDone ? 'progress-mark progress-done' : 'progress-mark'} data-testid={`progress-${l.slug}`}>
                    <span aria-hidden="true">{p?.quizDone ? '✓ ' : '◐ '}</span>
                    {status}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ol>
      <p className="small-print">
        Progress is kept in this browser only.{' '}
        {any && (
          <button type="button" className="btn" onClick={resetProgress} data-testid="reset-progress">
            Reset progress
          </button>
        )}{' '}
        <a href="#/glossary">Glossary</a> · <a href="#/references">References</a>
      </p>
    </main>
  );
}
