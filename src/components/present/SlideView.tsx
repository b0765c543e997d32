// One step as a slide, figure first: the title, the key sentence and the first formula (beside the
// figure on a wide screen, above it on a 4:3 one), the step's first figure scaled to fill the rest, and everything else (more prose, other
// formulas and panels, "try it", the questions) behind a "More" reveal. Title, figure and key
// sentence are visible without scrolling on any projector size. Steps without a figure show their
// text as on the lesson page.
import { useId, type Ref } from 'react';
import type { Formula, Lesson } from '../../lessons/types';
import { stateAtStep } from '../../lessons/stepState';
import { LiveTex, Prose } from '../lesson/Prose';
import { LessonFigure } from '../lesson/LessonFigure';
import { Quiz } from '../lesson/Quiz';
import { StepProse } from '../lesson/StepView';
import { useApplyStepState } from '../lesson/applyState';
import { Tex } from '../../visualizations/Tex';
import { splitProse } from './slideText';
import { FitFigure } from './FitFigure';

/** Panels that are controls rather than figures. */
const INPUT_PANELS: ReadonlySet<string> = new Set(['input', 'tokens']);

function FormulaView({ f }: { f: Formula }) {
  return (
    <div className="formula">
      {f.tex.includes('{{') ? <LiveTex display tex={f.tex} /> : <Tex display>{f.tex}</Tex>}
      {f.label && <p className="formula-label">{f.label}</p>}
    </div>
  );
}

export interface SlideViewProps {
  lesson: Lesson;
  step: number;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The figure alone, filling the slide (Z). */
  zoomed: boolean;
  /** The "More" reveal is open (M). */
  more: boolean;
  onMoreChange: (open: boolean) => void;
}

export function SlideView({ lesson, step, headingRef, zoomed, more, onMoreChange }: SlideViewProps) {
  const s = lesson.steps[step - 1];
  const headingId = useId();
  useApplyStepState(`${lesson.slug}/${step}`, stateAtStep(lesson, step), s.state ?? {});
  // The input box is not the figure: it sits under the title, so a presenter can type on the slide.
  const inputs = (s.panels ?? []).filter((p) => INPUT_PANELS.has(p.panel));
  const [figure, ...otherPanels] = (s.panels ?? []).filter((p) => !INPUT_PANELS.has(p.panel));
  const heading = (
    <h2 id={headingId} ref={headingRef} tabIndex={-1}>
      <span className="step-count">
        Step {step} of {lesson.steps.length}
        <span className="visually-hidden">:</span>
      </span>{' '}
      {s.title}
    </h2>
  );
  const tryIt = s.tryIt && (
    <p className="try-it" data-testid="try-it">
      <strong>Try it: </strong>
      <Prose source={s.tryIt} />
    </p>
  );
  const quiz = s.questions && s.questions.length > 0 && <Quiz key={`${lesson.slug}-${step}`} questions={s.questions} />;

  const inputPanels = inputs.map((p, i) => <LessonFigure key={`${step}-in-${i}`} panelRef={p} />);
  if (!figure)
    return (
      <article className="lesson-step slide slide-text" data-testid="lesson-step" data-step={step} aria-labelledby={headingId}>
        {heading}
        <StepProse prose={s.prose} />
        {inputPanels}
        {s.formulas && s.formulas.length > 0 && (
          <div className="lesson-formulas">
            {s.formulas.map((f, i) => (
              <FormulaView key={i} f={f} />
            ))}
          </div>
        )}
        {tryIt}
        {quiz}
      </article>
    );

  const { key, rest } = splitProse(s.prose);
  const [formula, ...otherFormulas] = s.formulas ?? [];
  const hasMore = rest.length > 0 || otherFormulas.length > 0 || otherPanels.length > 0 || !!tryIt || !!quiz;
  return (
    <article className="lesson-step slide" data-testid="lesson-step" data-step={step} data-zoomed={zoomed ? 'true' : undefined} aria-labelledby={headingId}>
      <div className="slide-head">
        {heading}
        {inputPanels}
      </div>
      <div className="slide-body">
        {(key || formula) && (
          <div className="slide-side">
            {key && (
              <p className="slide-key" data-testid="slide-key">
                <Prose source={key} />
              </p>
            )}
            {formula && <FormulaView f={formula} />}
          </div>
        )}
        <FitFigure step={step}>
          <LessonFigure panelRef={figure} />
        </FitFigure>
      </div>
      {hasMore && (
        <details className="slide-more" open={more} onToggle={(e) => onMoreChange(e.currentTarget.open)} data-testid="slide-more">
          <summary>More on this slide (M)</summary>
          <div className="slide-more-body">
            <StepProse prose={rest} />
            {otherFormulas.length > 0 && (
              <div className="lesson-formulas">
                {otherFormulas.map((f, i) => (
                  <FormulaView key={i} f={f} />
                ))}
              </div>
            )}
            {otherPanels.length > 0 && (
              <div className="lesson-panels">
                {otherPanels.map((p, i) => (
                  <LessonFigure key={`${step}-${i}-${p.panel}`} panelRef={p} />
                ))}
              </div>
            )}
            {tryIt}
            {quiz}
          </div>
        </details>
      )}
    </article>
  );
}
