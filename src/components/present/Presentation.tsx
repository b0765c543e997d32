// Presentation mode: one lesson step per slide in the projector theme, app chrome hidden, keys as in
// reveal.js (see keymap.ts), overlays for help, overview, black screen and a pointer, a speaker
// window kept in sync over BroadcastChannel. The URL follows the step (one history entry per step).
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLesson } from '../lesson/useLesson';
import { goToStep, nonViewParams, stepHref } from '../lesson/navigation';
import { parseHash } from '../router';
import type { Lesson } from '../../lessons/types';
import { figureOf, KEY_HELP, keyOwner, presentAction } from './keymap';
import { clampToDeck, moveInDeck, parseDeck, withMode, type Deck } from './deck';
import { openStepChannel, stepInUrl } from './channel';
import { SlideView } from './SlideView';
import { withCurrentView } from './PresentButton';
import '../lesson/lesson.css';
import './present.css';

type Overlay = 'none' | 'help' | 'overview' | 'black';

/** Leaves presentation mode on the same step and view (and full screen, if on); the deck range goes too. */
export function exitPresentation(slug: string, step: number): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  const { params } = parseHash(window.location.hash);
  const kept = withMode(nonViewParams(params), null);
  kept.delete('steps');
  window.location.hash = stepHref(slug, step, withCurrentView(kept));
}

/** The current parameters for the handout of this deck (`?mode=handout`, the range kept). */
function handoutParams(): URLSearchParams {
  const p = withMode(nonViewParams(parseHash(window.location.hash).params), 'handout');
  p.delete('controls');
  return p;
}

/** Opens (or focuses) the speaker window for a step; false when the browser blocked it. */
function openSpeaker(slug: string, step: number): boolean {
  const { params } = parseHash(window.location.hash);
  const url = new URL(stepHref(slug, step, withMode(nonViewParams(params), 'speaker')), window.location.href).href;
  try {
    return !!window.open(url, 'attention-atlas-speaker', 'popup=yes,width=980,height=720');
  } catch {
    return false;
  }
}

/** Sets the projector theme and hides the app while mounted; restores both after. */
function useProjector() {
  useEffect(() => {
    const html = document.documentElement;
    const previous = html.dataset.theme;
    html.dataset.theme = 'projector';
    html.dataset.presenting = 'true';
    return () => {
      if (previous) html.dataset.theme = previous;
      else delete html.dataset.theme;
      delete html.dataset.presenting;
    };
  }, []);
}

export default function Presentation({ slug, step, params }: { slug: string; step: number; params: URLSearchParams }) {
  useProjector();
  const load = useLesson(slug);
  const lesson = load.status === 'ready' ? load.lesson : undefined;
  const root = (
    <div className="present-root" data-testid="presentation" data-controls={params.get('controls') === 'none' ? 'none' : 'full'}>
      {load.status === 'loading' && <p role="status">Loading the lesson…</p>}
      {load.status === 'error' && (
        <p className="notice" role="status">
          This lesson cannot be presented yet. <a href={stepHref(slug, 1)}>Back to the lesson</a>
        </p>
      )}
      {lesson && <Slides lesson={lesson} step={step} params={params} />}
    </div>
  );
  return createPortal(root, document.body);
}

function Slides({ lesson, step, params }: { lesson: Lesson; step: number; params: URLSearchParams }) {
  const slug = lesson.slug;
  const deck: Deck = parseDeck(params.get('steps'), lesson.steps.length);
  const current = clampToDeck(step, deck);
  const controls = params.get('controls') !== 'none';
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [pointer, setPointer] = useState(false);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const channel = useRef<ReturnType<typeof openStepChannel> | null>(null);

  // A step outside the deck (a stale link) is replaced by the nearest one in it.
  useEffect(() => {
    if (current !== step) {
      const { params: p } = parseHash(window.location.hash);
      window.history.replaceState(window.history.state, '', stepHref(slug, current, nonViewParams(p)));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
  }, [current, step, slug]);

  useEffect(() => {
    document.title = `${lesson.steps[current - 1].title} — ${lesson.title} (presenting)`;
    headingRef.current?.focus({ preventScroll: true });
  }, [lesson, current]);

  // The speaker window follows us and we follow it (an echo of our own step is not a move).
  useEffect(() => {
    channel.current = openStepChannel((m) => {
      const to = clampToDeck(m.step, deck);
      if (m.slug === slug && to !== stepInUrl()) goToStep(slug, to);
    });
    return () => channel.current?.close();
    // The deck is derived from the URL; reopening on each step is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug]);
  useEffect(() => {
    channel.current?.post(slug, current);
  }, [slug, current]);

  const go = useCallback((n: number) => goToStep(slug, clampToDeck(n, deck)), [slug, deck]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
      return;
    }
    const el = document.documentElement;
    if (!el.requestFullscreen) {
      setStatus('Full screen is not available here: use the browser’s own full-screen key.');
      return;
    }
    el.requestFullscreen().catch(() => setStatus('Full screen was refused by the browser: use its own full-screen key.'));
  }, []);

  // The figure the presenter entered with Enter (arrow keys move in it until Esc or focus leaves).
  // Both belong to one step: moving on leaves the figure and closes "More".
  const [enteredAt, setEnteredAt] = useState<{ step: number; el: Element } | null>(null);
  const entered = enteredAt?.step === current ? enteredAt.el : null;
  const setEntered = useCallback((el: Element | null) => setEnteredAt(el ? { step: current, el } : null), [current]);
  const [moreAt, setMoreAt] = useState<number | null>(null);
  const more = moreAt === current;
  const setMore = useCallback((open: boolean | ((m: boolean) => boolean)) => setMoreAt((at) => ((typeof open === 'function' ? open(at === current) : open) ? current : null)), [current]);
  const [zoomed, setZoomed] = useState(false);
  useEffect(() => {
    if (!entered) return;
    entered.setAttribute('data-entered', 'true');
    const leave = (e: Event) => {
      if (!entered.contains((e as FocusEvent).relatedTarget as Node | null)) setEntered(null);
    };
    entered.addEventListener('focusout', leave);
    return () => {
      entered.removeAttribute('data-entered');
      entered.removeEventListener('focusout', leave);
    };
  }, [entered, setEntered]);

  useEffect(() => {
    // Capture phase: the slide sees a key before any figure does, so a figure cannot swallow the
    // clicker's PageDown (keyOwner decides who gets each key).
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const owner = keyOwner(e.target, e.key, entered);
      if (owner === 'focus') return;
      if (owner === 'enter' || owner === 'leave') {
        e.preventDefault();
        e.stopPropagation();
        setEntered(owner === 'enter' ? figureOf(e.target) : null);
        setStatus(owner === 'enter' ? 'In the figure: the arrow keys move between cells; Esc leaves it.' : 'Left the figure: the arrow keys change the step again.');
        return;
      }
      const action = presentAction(e, overlay !== 'none');
      if (!action) {
        // Any other key wakes a black screen, as on a projector remote.
        if (overlay === 'black' && e.key.length === 1) setOverlay('none');
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      switch (action) {
        case 'next':
        case 'prev':
        case 'first':
        case 'last':
          if (overlay === 'black') setOverlay('none');
          go(moveInDeck(current, deck, action));
          return;
        case 'fullscreen':
          toggleFullscreen();
          return;
        case 'black':
          setOverlay((o) => (o === 'black' ? 'none' : 'black'));
          return;
        case 'overview':
          setOverlay((o) => (o === 'overview' ? 'none' : 'overview'));
          return;
        case 'help':
          setOverlay((o) => (o === 'help' ? 'none' : 'help'));
          return;
        case 'close':
          setOverlay('none');
          return;
        case 'pointer':
          setPointer((p) => !p);
          return;
        case 'zoom':
          setZoomed((z) => !z);
          return;
        case 'more':
          setMore((m) => !m);
          return;
        case 'speaker':
          setStatus(openSpeaker(slug, current) ? 'Speaker window opened.' : 'The speaker window was blocked: allow pop-ups for this site.');
          return;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [overlay, current, deck, go, slug, toggleFullscreen, entered, setEntered, setMore]);

  const position = current - deck.first + 1;
  const total = deck.last - deck.first + 1;
  return (
    <>
      <div className="present-slide" data-testid="present-slide" data-step={current} data-zoomed={zoomed ? 'true' : undefined}>
        <SlideView lesson={lesson} step={current} headingRef={headingRef} zoomed={zoomed} more={more} onMoreChange={setMore} />
      </div>
      {controls && (
        <nav className="present-controls" aria-label="Presentation controls" data-testid="present-controls">
          <button type="button" className="btn" onClick={() => go(current - 1)} disabled={current <= deck.first} aria-label="Previous step" data-testid="present-prev">
            ←
          </button>
          <span className="present-count" data-testid="present-count">
            {position} / {total}
          </span>
          <button type="button" className="btn" onClick={() => go(current + 1)} disabled={current >= deck.last} aria-label="Next step" data-testid="present-next">
            →
          </button>
          <button type="button" className="btn" onClick={() => setOverlay('overview')}>
            Overview
          </button>
          <button type="button" className="btn" onClick={() => setStatus(openSpeaker(slug, current) ? 'Speaker window opened.' : 'The speaker window was blocked: allow pop-ups for this site.')}>
            Speaker
          </button>
          <button type="button" className="btn" onClick={() => setZoomed((z) => !z)} aria-pressed={zoomed} data-testid="present-zoom">
            Zoom (Z)
          </button>
          <button type="button" className="btn" onClick={toggleFullscreen}>
            Full screen
          </button>
          <button type="button" className="btn" onClick={() => setOverlay('help')} aria-label="Keyboard shortcuts">
            ?
          </button>
          <a className="btn" href={stepHref(slug, deck.first, handoutParams())} data-testid="present-handout">
            Handout
          </a>
          <button type="button" className="btn" onClick={() => exitPresentation(slug, current)} data-testid="present-exit">
            Exit
          </button>
        </nav>
      )}
      <p className={entered ? 'present-hint-bar' : 'visually-hidden'} role="status" data-testid="present-status">
        {status}
      </p>
      {overlay === 'black' && <div className="present-black" data-testid="present-black" aria-label="Black screen: press B or . to come back" role="img" />}
      {overlay === 'help' && <HelpOverlay onClose={() => setOverlay('none')} />}
      {overlay === 'overview' && (
        <OverviewOverlay lesson={lesson} deck={deck} current={current} onPick={(n) => { setOverlay('none'); go(n); }} onClose={() => setOverlay('none')} onExit={() => exitPresentation(slug, current)} />
      )}
      {pointer && <Spotlight />}
    </>
  );
}

/** A modal overlay (native <dialog>: focus stays inside, Esc closes, focus returns after). */
function Dialog({ label, testId, onClose, children }: { label: string; testId: string; onClose: () => void; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog className="present-overlay-box" aria-label={label} data-testid={testId} ref={ref} onClose={onClose}>
      {children}
      <p>
        <button type="button" className="btn" onClick={onClose}>
          Close (Esc)
        </button>
      </p>
    </dialog>
  );
}

function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label="Presentation keys" testId="present-help" onClose={onClose}>
      <h2>Keys in presentation mode</h2>
      <dl className="present-keys">
        {KEY_HELP.map((k) => (
          <div key={k.keys}>
            <dt>
              <kbd>{k.keys}</kbd>
            </dt>
            <dd>{k.does}</dd>
          </div>
        ))}
      </dl>
      <p className="present-hint">
        Add <code>?steps=3-7</code> to the URL to present steps 3 to 7 only, and <code>&amp;controls=none</code> to hide the buttons.
        <code>?mode=handout</code> prints the deck, one step per page.
      </p>
    </Dialog>
  );
}

function OverviewOverlay(props: { lesson: Lesson; deck: Deck; current: number; onPick: (n: number) => void; onClose: () => void; onExit: () => void }) {
  const { lesson, deck, current } = props;
  const steps = lesson.steps.slice(deck.first - 1, deck.last);
  return (
    <Dialog label="Overview of the steps" testId="present-overview" onClose={props.onClose}>
      <h2>{lesson.title}</h2>
      <ol className="present-overview" start={deck.first}>
        {steps.map((s, i) => {
          const n = deck.first + i;
          return (
            <li key={n}>
              <button type="button" className="btn" aria-current={n === current ? 'step' : undefined} onClick={() => props.onPick(n)} data-testid={`overview-step-${n}`}>
                {n}. {s.title}
              </button>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="btn" onClick={props.onExit}>
          Exit the presentation
        </button>
      </p>
    </Dialog>
  );
}

/** A spotlight that follows the mouse: the slide dims except a circle around the pointer. */
function Spotlight() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onMove = (e: PointerEvent) => {
      ref.current?.style.setProperty('--x', `${e.clientX}px`);
      ref.current?.style.setProperty('--y', `${e.clientY}px`);
    };
    window.addEventListener('pointermove', onMove);
    return () => window.removeEventListener('pointermove', onMove);
  }, []);
  return <div ref={ref} className="present-spotlight" data-testid="present-pointer" aria-hidden="true" />;
}
