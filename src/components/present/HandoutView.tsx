// Handouts (`?mode=handout`): every step of the deck on its own printed page — title, prose,
// formulas, the drawn illustrations and the speaker notes. Live figures depend on the running model's
// state at that step, so a handout names them and links to their slide instead of printing a
// figure that would show another step's numbers.
import { useEffect } from 'react';
import { useLesson } from '../lesson/useLesson';
import { Prose } from '../lesson/Prose';
import { LessonFigure } from '../lesson/LessonFigure';
import { stepHref } from '../lesson/navigation';
import { Tex } from '../Tex';
import { parseHash } from '../router';
import type { Lesson } from '../../lessons/types';
import { parseDeck } from './deck';
import '../lesson/lesson.css';
import './present.css';

function HandoutStep({ lesson, n }: { lesson: Lesson; n: number }) {
  const s = lesson.steps[n - 1];
  return (
    <article className="lesson-step handout-step" data-testid="handout-step" data-step={n}>
      <h2>
        <span className="step-count">
          Step {n} of {lesson.steps.length}
          <span className="visually-hidden">:</span>
        </span>{' '}
        {s.title}
      </h2>
      <div className="lesson-prose">
        {s.prose.map((p, i) => (
          <p key={i}>
            <Prose source={p} />
          </p>
        ))}
      </div>
      {s.formulas?.map((f, i) =>
        f.tex.includes('{{') ? null : (
          <div key={i} className="formula">
            <Tex display>{f.tex}</Tex>
            {f.label && <p className="formula-label">{f.label}</p>}
          </div>
        ),
      )}
      {s.panels?.map((p, i) =>
        p.illustration ? (
          <LessonFigure key={i} panelRef={p} />
        ) : (
          <p key={i} className="handout-live">
            Live figure on the slide: <a href={stepHref(lesson.slug, n)}>{p.caption ? <Prose source={p.caption} /> : p.panel}</a>
          </p>
        ),
      )}
      {s.tryIt && (
        <p className="try-it">
          <strong>Try it: </strong>
          <Prose source={s.tryIt} />
        </p>
      )}
      <aside className="speaker-notes" aria-label="Speaker notes">
        <p>
          <strong>Notes: </strong>
          {s.notes}
        </p>
      </aside>
    </article>
  );
}

export default function HandoutView({ slug }: { slug: string }) {
  const load = useLesson(slug);
  const lesson = load.status === 'ready' ? load.lesson : undefined;
  useEffect(() => {
    if (lesson) document.title = `${lesson.title} — handout — Attention Atlas`;
  }, [lesson]);
  if (!lesson) return <p role="status">{load.status === 'error' ? 'This lesson has no handout yet.' : 'Loading the handout…'}</p>;
  const deck = parseDeck(parseHash(window.location.hash).params.get('steps'), lesson.steps.length);
  const steps = Array.from({ length: deck.last - deck.first + 1 }, (_, i) => deck.first + i);
  return (
    <main id="main" className="page handout" data-testid="handout">
      <div className="handout-bar">
        <h1>{lesson.title}: handout</h1>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          Print (one step per page)
        </button>{' '}
        <a href={stepHref(slug, deck.first)}>Back to the lesson</a>
      </div>
      {steps.map((n) => (
        <HandoutStep key={n} lesson={lesson} n={n} />
      ))}
    </main>
  );
}
