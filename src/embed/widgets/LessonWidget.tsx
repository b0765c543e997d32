// The `lesson` embed: a whole lesson's steps with its own back/next buttons. Steps change in
// component state only — an embed never writes the host's history or URL.
import { useEffect, useState } from 'react';
import { StepView } from '../../components/lesson/StepView';
import { useLesson } from '../../components/lesson/useLesson';
import { clampStep } from '../../lessons/stepState';
import { lessonBySlug } from '../../lessons/catalog';
import { useAtlas } from '../../store/atlas';
import type { ViewState } from '../../store/urlCodec';
import '../../components/lesson/lesson.css';
import type { WidgetProps } from './LiveWidgets';

/** The view the author asked for on top of the lesson's first shown step (model, text, layer, …). */
function authorView(c: WidgetProps['config']): ViewState {
  const v: ViewState = {};
  if (c.model !== undefined) v.model = c.model;
  if (c.text !== undefined) v.text = c.text;
  if (c.src !== undefined) v.src = c.src;
  if (c.tgt !== undefined) v.tgt = c.tgt;
  if (c.layer !== undefined) v.layer = c.layer;
  if (c.head !== undefined) v.head = c.head;
  if (c.mask !== undefined) v.mask = c.mask;
  if (c.prefix !== undefined) v.prefix = c.prefix;
  return v;
}

export default function LessonWidget({ config }: WidgetProps) {
  const load = useLesson(config.lesson);
  const [step, setStep] = useState(config.step ?? 1);
  const lesson = load.status === 'ready' ? load.lesson : undefined;
  const current = lesson ? clampStep(lesson, step) : step;
  // Runs after StepView applied the first step's state (child effects run first): the author's
  // parameters win on the first step shown, as a shared link does in the app.
  const hasLesson = !!lesson;
  useEffect(() => {
    if (!hasLesson) return;
    const v = authorView(config);
    if (Object.keys(v).length) useAtlas.getState().applyView(v);
  }, [hasLesson, config]);
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
