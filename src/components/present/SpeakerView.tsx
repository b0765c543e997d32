// The speaker window (`?mode=speaker`): notes for the step, the next step, a timer, and back/next
// buttons; it follows the presentation and the presentation follows it (BroadcastChannel).
import { useEffect, useRef, useState } from 'react';
import { useLesson } from '../lesson/useLesson';
import { goToStep } from '../lesson/navigation';
import { Prose } from '../lesson/Prose';
import { parseHash } from '../router';
import { panelDef } from '../../panels/registry';
import type { Lesson } from '../../lessons/types';
import { clampToDeck, moveInDeck, parseDeck } from './deck';
import { openStepChannel, stepInUrl } from './channel';
import { keyOwner, presentAction } from './keymap';
import { SlideView } from './SlideView';
import { splitProse } from './slideText';
import './present.css';

/** The wall clock, hh:mm. */
function WallClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(id);
  }, []);
  return (
    <span className="speaker-wall" data-testid="speaker-clock" aria-label="Time of day">
      {now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
    </span>
  );
}

/** The current slide as the audience sees it, scaled down (live: its figure runs here too). */
function SlidePreview({ lesson, step }: { lesson: Lesson; step: number }) {
  return (
    <div className="speaker-preview" data-testid="speaker-preview" inert>
      <div className="speaker-preview-slide present-slide">
        <SlideView lesson={lesson} step={step} zoomed={false} more={false} onMoreChange={() => {}} />
      </div>
    </div>
  );
}

/** The next slide: its title, key sentence and the figure it will show. */
function NextCard({ lesson, step }: { lesson: Lesson; step: number }) {
  const s = lesson.steps[step - 1];
  const { key } = splitProse(s.prose);
  const figure = s.panels?.find((p) => p.panel !== 'input' && p.panel !== 'tokens');
  return (
    <div className="speaker-next-card" data-testid="speaker-next">
      <p>
        <strong>{s.title}</strong>
      </p>
      {key && (
        <p className="pg-muted">
          <Prose source={key} />
        </p>
      )}
      {figure && <p className="pg-muted">Figure: {panelDef(figure.panel).title}</p>}
    </div>
  );
}

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

  // The presentation's keys work here too (the presenter may have this window in front).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || keyOwner(e.target, e.key, null) !== 'slide') return;
      const action = presentAction(e);
      if (action !== 'next' && action !== 'prev' && action !== 'first' && action !== 'last') return;
      e.preventDefault();
      goToStep(slug, moveInDeck(current, deck, action));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [slug, current, deck]);

  if (!lesson) return <p role="status">{load.status === 'error' ? 'This lesson has no notes yet.' : 'Loading the notes…'}</p>;
  const s = lesson.steps[current - 1];
  const hasNext = current < deck.last;
  const go = (n: number) => goToStep(slug, clampToDeck(n, deck));
  return (
    <main id="main" className="page speaker-view" data-testid="speaker-view" data-step={current}>
      <p className="eyebrow" data-testid="speaker-count">
        {lesson.title} · slide {current - deck.first + 1} / {deck.last - deck.first + 1}
        {deck.first > 1 || deck.last < lesson.steps.length ? ` (lesson step ${current})` : ''}
      </p>
      <h1>{s.title}</h1>
      <div className="speaker-times">
        <Timer /> <WallClock />
      </div>
      <div className="speaker-slides">
        <section aria-labelledby="speaker-now-h">
          <h2 id="speaker-now-h">Now</h2>
          <SlidePreview lesson={lesson} step={current} />
        </section>
        <section aria-labelledby="speaker-next-h" className="speaker-next">
          <h2 id="speaker-next-h">Next</h2>
          {hasNext ? <NextCard lesson={lesson} step={current + 1} /> : <p data-testid="speaker-next">The last slide.</p>}
        </section>
      </div>
      <section aria-labelledby="speaker-notes-h">
        <h2 id="speaker-notes-h">Notes</h2>
        <p className="speaker-notes-text" data-testid="speaker-notes">
          {s.notes}
        </p>
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
