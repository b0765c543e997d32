// Handouts (`?mode=handout`): the deck (or its `?steps` range), one step per printed page — title,
// prose, formulas with their values filled in, every figure as a static snapshot of its state AT
// THAT STEP, the questions with room to answer, and the speaker notes.
//
// Live figures read the one store, so the handout renders the steps one after another in a staging
// area: apply the step's state, wait until its panels are drawn, copy the drawn step (canvases
// become images, controls become plain text), then move on. The copies are DOM clones of what React
// drew, never HTML parsed from text.
import { useEffect, useRef, useState } from 'react';
import { useLesson } from '../lesson/useLesson';
import { LiveTex, Prose } from '../lesson/Prose';
import { LessonFigure } from '../lesson/LessonFigure';
import { CellTable } from '../lesson/CellTable';
import { StepProse, StepTitle } from '../lesson/StepView';
import { stepHref } from '../lesson/navigation';
import { useApplyStepState } from '../lesson/applyState';
import { Tex } from '../../visualizations/Tex';
import { parseHash } from '../router';
import { stateAtStep } from '../../lessons/stepState';
import type { Lesson, Question } from '../../lessons/types';
import { parseDeck } from './deck';
import { staticCopy } from './snapshot';
import '../lesson/lesson.css';
import './present.css';

/** How long a step may take to draw before it is copied as it is. */
const STEP_TIMEOUT_MS = 20_000;
/** The printable height of the smaller of A4 and Letter with 12 mm margins (255 mm), in CSS px. */
const PAGE_HEIGHT_PX = (255 / 25.4) * 96;

function Questions({ questions }: { questions: readonly Question[] }) {
  return (
    <ol className="handout-questions">
      {questions.map((q) => (
        <li key={q.id}>
          <p>
            <Prose source={q.prompt} />
          </p>
          {q.kind === 'choice' ? (
            <ul className="handout-choices">
              {q.options.map((o, i) => (
                <li key={i}>
                  <span aria-hidden="true">☐ </span>
                  <Prose source={o.text} />
                </li>
              ))}
            </ul>
          ) : (
            <CellTable
              question={q}
              className="handout-cells"
              caption="Mark the cells: rows are queries, columns are keys"
              corner={<td />}
              cell={(_, j) => <td key={j} />}
            />
          )}
          <div className="handout-answer" aria-label="Space for your answer" />
        </li>
      ))}
    </ol>
  );
}

/** One step as it prints, drawn live (in the staging area) with the step's state applied. */
function HandoutStep({ lesson, n }: { lesson: Lesson; n: number }) {
  const s = lesson.steps[n - 1];
  useApplyStepState(`${lesson.slug}/${n}`, stateAtStep(lesson, n), s.state ?? {}, { writeUrl: false });
  return (
    <article className="lesson-step handout-step" data-testid="handout-step" data-step={n}>
      <h2>
        <StepTitle n={n} of={lesson.steps.length} title={s.title} />
      </h2>
      <StepProse prose={s.prose} />
      {s.formulas?.map((f, i) => (
        <div key={i} className="formula">
          {f.tex.includes('{{') ? <LiveTex display tex={f.tex} /> : <Tex display>{f.tex}</Tex>}
          {f.label && <p className="formula-label">{f.label}</p>}
        </div>
      ))}
      {s.panels?.map((p, i) => <LessonFigure key={i} panelRef={p} />)}
      {s.tryIt && (
        <p className="try-it">
          <strong>Try it: </strong>
          <Prose source={s.tryIt} />
        </p>
      )}
      {s.questions && s.questions.length > 0 && <Questions questions={s.questions} />}
      <aside className="speaker-notes" aria-label="Speaker notes">
        <p>
          <strong>Notes: </strong>
          {s.notes}
        </p>
      </aside>
    </article>
  );
}

/** True when every panel in `el` has drawn with data and every formula has rendered. */
function drawn(el: HTMLElement): boolean {
  const panels = el.querySelectorAll('[data-panel-ready]');
  const formulas = el.querySelectorAll('[data-tex-state="loading"]');
  return formulas.length === 0 && Array.from(panels).every((p) => p.getAttribute('data-panel-ready') === 'true');
}

/** Renders the steps one by one in `stage`, copying each once it has drawn; returns the copies so far. */
function useStepCopies(lesson: Lesson | undefined, steps: number[]) {
  const stage = useRef<HTMLDivElement>(null);
  const [copies, setCopies] = useState<Map<number, HTMLElement>>(new Map());
  const next = steps.find((n) => !copies.has(n));
  useEffect(() => {
    const el = stage.current;
    if (!lesson || next === undefined || !el) return;
    const started = performance.now();
    let settled = 0;
    const timer = window.setInterval(() => {
      // Drawn twice in a row (200 ms apart): a streamed run has finished drawing.
      settled = drawn(el) ? settled + 1 : 0;
      if (settled < 2 && performance.now() - started < STEP_TIMEOUT_MS) return;
      window.clearInterval(timer);
      const article = el.querySelector('article');
      if (!article) return;
      const copy = staticCopy(article);
      // Drawn at the page's width; a step taller than a page is printed smaller, never split.
      const zoom = Math.min(1, PAGE_HEIGHT_PX / article.getBoundingClientRect().height);
      copy.style.setProperty('--print-zoom', zoom.toFixed(3));
      setCopies((m) => new Map(m).set(next, copy));
    }, 200);
    return () => window.clearInterval(timer);
  }, [lesson, next]);
  return { stage, copies, next };
}

function Copy({ node }: { node: HTMLElement }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.replaceChildren(node);
  }, [node]);
  return <div ref={ref} className="handout-copy" />;
}

export default function HandoutView({ slug }: { slug: string }) {
  const load = useLesson(slug);
  const lesson = load.status === 'ready' ? load.lesson : undefined;
  const deck = parseDeck(parseHash(window.location.hash).params.get('steps'), lesson?.steps.length ?? 1);
  const steps = lesson ? Array.from({ length: deck.last - deck.first + 1 }, (_, i) => deck.first + i) : [];
  const { stage, copies, next } = useStepCopies(lesson, steps);
  useEffect(() => {
    if (lesson) document.title = `${lesson.title} — handout — Attention Atlas`;
  }, [lesson]);
  if (!lesson) return <p role="status">{load.status === 'error' ? 'This lesson has no handout yet.' : 'Loading the handout…'}</p>;
  const done = next === undefined;
  return (
    <main id="main" className="page handout" data-testid="handout" data-ready={done ? 'true' : 'false'}>
      <div className="handout-bar">
        <h1>{lesson.title}: handout</h1>
        <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!done}>
          Print (one step per page)
        </button>{' '}
        <a href={stepHref(slug, deck.first)}>Back to the lesson</a>
        <p role="status" className="handout-progress">
          {done ? `${steps.length} steps ready to print (A4 or Letter).` : `Drawing step ${next} of ${deck.last} with its own state…`}
        </p>
      </div>
      {steps.map((n) => {
        const node = copies.get(n);
        return node ? <Copy key={n} node={node} /> : null;
      })}
      {!done && next !== undefined && (
        <div ref={stage} className="handout-stage" inert>
          <HandoutStep key={next} lesson={lesson} n={next} />
        </div>
      )}
    </main>
  );
}
