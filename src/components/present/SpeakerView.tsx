// The speaker window (`?mode=speaker`): notes for the step, the next step, a timer, and back/next
// buttons; it follows the presentation and the presentation follows it (BroadcastChannel).
import { useEffect, useRef, useState } from 'react';
import { useLesson } from '../lesson/useLesson';
import { goToStep } from '../lesson/navigation';
import { Prose } from '../lesson/Prose';
import { parseHash } from '../router';
import { clampToDeck, parseDeck } from './deck';
import { openStepChannel, stepInUrl } from './channel';
import './present.css';

/** mm:ss (or h:mm:ss) for a duration in ms. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

function Timer() {
  const [start, setStart] = useState(() => Date.now());
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const elapsed = (pausedAt ?? now) - start;
  return (
    <div className="speaker-timer" role="timer" aria-label="Time since the start">
      <span className="speaker-clock" data-testid="speaker-timer">
        {clock(elapsed)}
      </span>{' '}
      <button
        type="button"
        className="btn"
        onClick={() => {
          if (pausedAt === null) setPausedAt(Date.now());
          else {
            setStart((s) => s + Date.now() - pausedAt);
            setPausedAt(null);
          }
        }}
      >
        {pausedAt === null ? 'Pause' : 'Resume'}
      </button>{' '}
      <button type="button" className="btn" onClick={() => { setStart(Date.now()); setPausedAt(null); setNow(Date.now()); }}>
        Reset
      </button>
    </div>
  );
}

export default function SpeakerView({ slug, step }: { slug: string; step: number }) {
  const load = useLesson(slug);
  const lesson = load.status === 'ready' ? load.lesson : undefined;
  const channel = useRef<ReturnType<typeof openStepChannel> | null>(null);
  const deck = parseDeck(parseHash(window.location.hash).params.get('steps'), lesson?.steps.length ?? 1);
  const current = lesson ? clampToDeck(step, deck) : step;

  useEffect(() => {
    channel.current = openStepChannel((m) => {
      if (m.slug === slug && m.step !== stepInUrl()) goToStep(slug, m.step);
    });
    return () => channel.current?.close();
  }, [slug]);
  useEffect(() => {
    if (lesson) channel.current?.post(slug, current);
  }, [lesson, slug, current]);
  useEffect(() => {
    if (lesson) document.title = `Speaker notes — ${lesson.steps[current - 1].title}`;
  }, [lesson, current]);

  if (!lesson) return <p role="status">{load.status === 'error' ? 'This lesson has no notes yet.' : 'Loading the notes…'}</p>;
  const s = lesson.steps[current - 1];
  const next = current < deck.last ? lesson.steps[current] : undefined;
  const go = (n: number) => goToStep(slug, clampToDeck(n, deck));
  return (
    <main id="main" className="page speaker-view" data-testid="speaker-view" data-step={current}>
      <p className="eyebrow">
        {lesson.title} · step {current} of {lesson.steps.length}
      </p>
      <h1>{s.title}</h1>
      <Timer />
      <section aria-labelledby="speaker-notes-h">
        <h2 id="speaker-notes-h">Notes</h2>
        <p className="speaker-notes-text" data-testid="speaker-notes">
          {s.notes}
        </p>
      </section>
      <section aria-labelledby="speaker-next-h" className="speaker-next">
        <h2 id="speaker-next-h">Next</h2>
        {next ? (
          <>
            <p data-testid="speaker-next">
              <strong>{next.title}</strong>
            </p>
            {next.prose[0] && (
              <p className="pg-muted">
                <Prose source={next.prose[0]} />
              </p>
            )}
          </>
        ) : (
          <p data-testid="speaker-next">The last step.</p>
        )}
      </section>
      <nav className="step-nav" aria-label="Step navigation">
        <button type="button" className="btn" onClick={() => go(current - 1)} disabled={current <= deck.first} data-testid="speaker-prev">
          ← Back
        </button>
        <button type="button" className="btn btn-primary" onClick={() => go(current + 1)} disabled={current >= deck.last} data-testid="speaker-next-button">
          Next →
        </button>
      </nav>
    </main>
  );
}
