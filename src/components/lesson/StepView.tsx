// One step of a lesson rendered from its data: heading, prose (text first), formulas, panels,
// the "try it" prompt and any questions. Used by the lesson page, presentation mode and embeds.
import { useId, type Ref } from 'react';
import type { Lesson } from '../../lessons/types';
import { stateAtStep } from '../../lessons/stepState';
import { LiveTex, Prose } from './Prose';
import { LessonFigure } from './LessonFigure';
import { Quiz } from './Quiz';
import { useApplyStepState } from './applyState';
import { TexWithCopy } from '../../embed/TexWithCopy';

export interface StepViewProps {
  lesson: Lesson;
  /** 1-based, already clamped to the lesson. */
  step: number;
  /** Called once every question of the step has been answered correctly. */
  onQuizComplete?: () => void;
  /** The step heading, so the page can move focus to it on navigation. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Show the speaker notes inline (print handouts, speaker view). */
  showNotes?: boolean;
  /** Whether the live view may be written to the URL (false in embeds: history is never written). */
  writeUrl?: boolean;
}

export function StepView({ lesson, step, onQuizComplete, headingRef, showNotes = false, writeUrl = true }: StepViewProps) {
  const s = lesson.steps[step - 1];
  const headingId = useId();
  useApplyStepState(`${lesson.slug}/${step}`, stateAtStep(lesson, step), s.state ?? {}, { writeUrl });
  return (
    <article className="lesson-step" data-testid="lesson-step" data-step={step} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        <StepTitle n={step} of={lesson.steps.length} title={s.title} />
      </h2>
      <StepProse prose={s.prose} />
      {s.formulas && s.formulas.length > 0 && (
        <div className="lesson-formulas" data-testid="formulas">
          {s.formulas.map((f, i) => (
            <div key={i} className="formula">
              {f.tex.includes('{{') ? <LiveTex display tex={f.tex} /> : <TexWithCopy tex={f.tex} />}
              {f.label && <p className="formula-label">{f.label}</p>}
            </div>
          ))}
        </div>
      )}
      {s.panels && s.panels.length > 0 && (
        <div className="lesson-panels">
          {s.panels.map((p, i) => (
            <LessonFigure key={`${step}-${i}-${p.panel}`} panelRef={p} />
          ))}
        </div>
      )}
      {s.tryIt && (
        <p className="try-it" data-testid="try-it">
          <strong>Try it: </strong>
          <Prose source={s.tryIt} />
        </p>
      )}
      {s.questions && s.questions.length > 0 && <Quiz key={`${lesson.slug}-${step}`} questions={s.questions} onComplete={onQuizComplete} lesson={{ slug: lesson.slug, stepTitles: lesson.steps.map((x) => x.title) }} />}
      {showNotes && (
        <aside className="speaker-notes" aria-label="Speaker notes">
          <p>{s.notes}</p>
        </aside>
      )}
    </article>
  );
}

/** "Step n of N: title", the count hidden as a separator for screen readers (lesson page and handout). */
export function StepTitle({ n, of, title }: { n: number; of: number; title: string }) {
  return (
    <>
      <span className="step-count">
        Step {n} of {of}
        <span className="visually-hidden">:</span>
      </span>{' '}
      {title}
    </>
  );
}

/** A step's paragraphs (lesson page, slide and handout). */
export function StepProse({ prose }: { prose: readonly string[] }) {
  return (
    <div className="lesson-prose">
      {prose.map((p, i) => (
        <p key={i}>
          <Prose source={p} />
        </p>
      ))}
    </div>
  );
}
