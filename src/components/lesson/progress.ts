// Course progress kept on this device only: which steps of each lesson were seen and whether
// its check was passed. Stored through safeStorage (nothing persists in sandboxed frames).
import { useSyncExternalStore } from 'react';
import { safeStorage } from '../../store/safeStorage';

const KEY = 'attention-atlas.progress.v1';

export interface LessonProgress {
  /** 1-based step numbers seen. */
  visited: number[];
  /** Every question of the lesson answered correctly at least once. */
  quizDone: boolean;
  /** Predict-then-reveal results by guess id: the rank of the student's guess in the model's
   *  answer (1 = what the model rates highest) among `of` choices. The first committed guess counts. */
  guesses?: Readonly<Record<string, GuessResult>>;
}

export interface GuessResult {
  rank: number;
  of: number;
}

export type Progress = Readonly<Record<string, LessonProgress>>;

let cache: Progress | null = null;
const listeners = new Set<() => void>();

/** Parses stored progress, dropping anything malformed (a corrupted entry must not break the map). */
export function parseProgress(raw: string | null): Progress {
  if (!raw) return {};
  try {
    const data: unknown = JSON.parse(raw);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const out: Record<string, LessonProgress> = {};
    for (const [slug, v] of Object.entries(data as Record<string, unknown>)) {
      if (!/^[a-z0-9-]{1,64}$/.test(slug) || !v || typeof v !== 'object') continue;
      const rec = v as { visited?: unknown; quizDone?: unknown };
      const visited = Array.isArray(rec.visited)
        ? rec.visited.filter((n): n is number => Number.isInteger(n) && n >= 1 && n <= 999)
        : [];
      out[slug] = { visited: [...new Set(visited)].sort((a, b) => a - b), quizDone: rec.quizDone === true, ...parseGuesses((rec as { guesses?: unknown }).guesses) };
    }
    return out;
  } catch {
    return {};
  }
}

function parseGuesses(raw: unknown): { guesses?: Record<string, GuessResult> } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, GuessResult> = {};
  for (const [id, g] of Object.entries(raw as Record<string, unknown>)) {
    const r = g as { rank?: unknown; of?: unknown } | null;
    if (/^[a-z0-9-]{1,64}$/.test(id) && r && Number.isInteger(r.rank) && Number.isInteger(r.of) && (r.rank as number) >= 1 && (r.rank as number) <= (r.of as number) && (r.of as number) <= 10_000)
      out[id] = { rank: r.rank as number, of: r.of as number };
  }
  return Object.keys(out).length ? { guesses: out } : {};
}

/** The current progress of every lesson. */
export function getProgress(): Progress {
  if (!cache) cache = parseProgress(safeStorage.getItem(KEY));
  return cache;
}

function write(next: Progress) {
  cache = next;
  safeStorage.setItem(KEY, JSON.stringify(next));
  for (const l of listeners) l();
}

function entry(slug: string): LessonProgress {
  return getProgress()[slug] ?? { visited: [], quizDone: false };
}

/** Records that a step was seen. */
export function markVisited(slug: string, step: number): void {
  const e = entry(slug);
  if (e.visited.includes(step)) return;
  write({ ...getProgress(), [slug]: { ...e, visited: [...e.visited, step].sort((a, b) => a - b) } });
}

/** Records that the lesson's check was passed. */
export function markQuizDone(slug: string): void {
  const e = entry(slug);
  if (e.quizDone) return;
  write({ ...getProgress(), [slug]: { ...e, quizDone: true } });
}

/** Records a committed predict-then-reveal guess (the first one of each id is kept). */
export function markGuess(slug: string, id: string, result: GuessResult): void {
  const e = entry(slug);
  if (e.guesses?.[id]) return;
  write({ ...getProgress(), [slug]: { ...e, guesses: { ...e.guesses, [id]: result } } });
}

/** Forgets all progress (the course map's "reset" button). */
export function resetProgress(): void {
  safeStorage.removeItem(KEY);
  write({});
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  // Another tab may change progress too.
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      cache = null;
      cb();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('storage', onStorage);
  };
}

/** React hook: the progress of every lesson, re-rendering when it changes. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, getProgress, getProgress);
}
