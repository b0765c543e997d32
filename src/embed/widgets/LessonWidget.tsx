// The `lesson` embed: a whole lesson's steps with its own back/next buttons. Steps change in
// component state only — an embed never writes the host's history or URL.
import { useMemo, useState } from 'react';
import { StepView } from '../../components/lesson/StepView';
import { useLesson } from '../../components/lesson/useLesson';
import { clampStep } from '../../lessons/stepState';
import { lessonBySlug } from '../../lessons/catalog';
import { authorState, withAuthorState } from '../authorState';
import '../../components/lesson/lesson.css';
import type { WidgetProps } from './PanelWidget';

export default function LessonWidget({ config }: WidgetProps) {
  const load = useLesson(config.lesson);
  const [step, setStep] = useState(config.step ?? 1);
  const loaded = load.status === 'ready' ? load.lesson : undefined;
  const first = loaded ? clampStep(loaded, config.step ?? 1) : 1;
  const lesson = useMemo(() => (loaded ? withAuthorState(loaded, first, authorState(config)) : undefined), [loaded, first, config]);
  const current = lesson ? clampStep(lesson, step) : step;
  const info = lessonBySlug(config.lesson);
  if (load.status === 'loading') return <p role="status">Loading the lesson…</p>;
  if (load.status === 'error' || !lesson)
    return (
      <p className="notice" role="status">
        The lesson “{info?.title ?? config.lesson}” is not available yet.
      </p>
    );
  const n = lesson.steps.length;
  const nav = config.controls !== 'none' && (
    <nav className="step-nav" aria-label="Step navigation">
      <button type="button" className="btn" onClick={() => setStep(current - 1)} disabled={current <= 1} data-testid="embed-step-prev">
        ← Back
      </button>
      <span className="step-progress" data-testid="embed-step-count">
        {current} / {n}
      </span>
      <button type="button" className="btn btn-primary" onClick={() => setStep(current + 1)} disabled={current >= n} data-testid="embed-step-next">
        Next →
      </button>
    </nav>
  );
  return (
    <div className="embed-lesson" data-testid="embed-panel">
      <p className="eyebrow">{lesson.title}</p>
      <StepView lesson={lesson} step={current} />
      {nav}
    </div>
  );
}
