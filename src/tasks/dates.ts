// The dates task: a date written by a human in one of many formats ("march 3, 2021",
// "3 Mar 21", "03/03/2021", "Wednesday the 3rd of March 2021", …) → ISO "2021-03-03".
// Every example records where the year, month and day sit in the source, so the
// cross-attention alignment can be measured. Dates run from 1950 to 2049, which makes a
// two-digit year unambiguous (50–99 → 19xx, 00–49 → 20xx).
import type { Example } from '../model/train/batch';
import { isHeldOut } from './split';
import { BOS, EOS, SPECIALS, indexer } from './vocab';

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const FIRST_DAY = Date.UTC(1950, 0, 1);
export const DAY_COUNT = Math.round((Date.UTC(2050, 0, 1) - FIRST_DAY) / 86_400_000); // 36,525 dates

const CHARS = ' ,./-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const datesVocab: string[] = [...SPECIALS, ...CHARS];
const id = indexer(datesVocab);

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
  weekday: number; // 0 = sunday
}

/** A rendered date: the text and the [start, end) character span of each part. */
export interface DateText {
  text: string;
  iso: string;
  year: [number, number];
  month: [number, number];
  day: [number, number];
  twoDigitYear: boolean;
}

/** The n-th date from 1950-01-01. */
export function dateAt(n: number): CalendarDate {
  const d = new Date(FIRST_DAY + n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

export function isoOf(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const ordinal = (n: number) => (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');
const pad2 = (n: number) => String(n).padStart(2, '0');
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

type Piece = string | { part: 'year' | 'month' | 'day'; text: string };

/** The format templates: each turns a date (and a casing choice) into pieces. */
const FORMATS: ((d: CalendarDate, c: (s: string) => string) => Piece[])[] = [
  (d, c) => [{ part: 'month', text: c(MONTHS[d.month - 1]) }, ' ', { part: 'day', text: `${d.day}` }, ', ', { part: 'year', text: `${d.year}` }], // march 3, 2021
  (d, c) => [{ part: 'day', text: `${d.day}` }, ' ', { part: 'month', text: c(MONTHS[d.month - 1].slice(0, 3)) }, ' ', { part: 'year', text: pad2(d.year % 100) }], // 3 Mar 21
  (d) => [{ part: 'month', text: pad2(d.month) }, '/', { part: 'day', text: pad2(d.day) }, '/', { part: 'year', text: `${d.year}` }], // 03/03/2021 (US order)
  (d, c) => [c(WEEKDAYS[d.weekday]), ' the ', { part: 'day', text: `${d.day}${ordinal(d.day)}` }, ' of ', { part: 'month', text: c(MONTHS[d.month - 1]) }, ' ', { part: 'year', text: `${d.year}` }], // Wednesday the 3rd of March 2021
  (d) => [{ part: 'day', text: `${d.day}` }, '.', { part: 'month', text: `${d.month}` }, '.', { part: 'year', text: `${d.year}` }], // 3.3.2021 (European order, dots)
  (d) => [{ part: 'year', text: `${d.year}` }, '/', { part: 'month', text: pad2(d.month) }, '/', { part: 'day', text: pad2(d.day) }], // 2021/03/03
  (d, c) => [{ part: 'day', text: `${d.day}${ordinal(d.day)}` }, ' ', { part: 'month', text: c(MONTHS[d.month - 1]) }, ' ', { part: 'year', text: `${d.year}` }], // 3rd march 2021
  (d, c) => [{ part: 'month', text: c(MONTHS[d.month - 1].slice(0, 3)) }, ' ', { part: 'day', text: `${d.day}${ordinal(d.day)}` }, ', ', { part: 'year', text: pad2(d.year % 100) }], // mar 3rd, 21
  (d, c) => [{ part: 'day', text: pad2(d.day) }, '-', { part: 'month', text: c(MONTHS[d.month - 1].slice(0, 3)) }, '-', { part: 'year', text: `${d.year}` }], // 03-mar-2021
  (d, c) => [c(WEEKDAYS[d.weekday].slice(0, 3)), ', ', { part: 'day', text: `${d.day}` }, ' ', { part: 'month', text: c(MONTHS[d.month - 1].slice(0, 3)) }, ' ', { part: 'year', text: `${d.year}` }], // Wed, 3 Mar 2021
];
export const FORMAT_COUNT = FORMATS.length;

/** Renders date `d` in format `f` with casing `casing` (0 lower, 1 Capitalised, 2 UPPER). */
export function renderDate(d: CalendarDate, f: number, casing: number): DateText {
  const c = casing === 0 ? (s: string) => s : casing === 1 ? cap : (s: string) => s.toUpperCase();
  const out: DateText = { text: '', iso: isoOf(d), year: [0, 0], month: [0, 0], day: [0, 0], twoDigitYear: false };
  for (const piece of FORMATS[f](d, c)) {
    if (typeof piece === 'string') {
      out.text += piece;
      continue;
    }
    out[piece.part] = [out.text.length, out.text.length + piece.text.length];
    if (piece.part === 'year') out.twoDigitYear = piece.text.length === 2;
    out.text += piece.text;
  }
  return out;
}

/** A random rendering of date number n. */
export function randomRendering(n: number, rand: () => number): DateText {
  return renderDate(dateAt(n), Math.floor(rand() * FORMATS.length), Math.floor(rand() * 3));
}

/** The date itself (its ISO form) decides the split: a held-out date is never seen in any format. */
export const isHeldOutDate = (n: number): boolean => isHeldOut(isoOf(dateAt(n)));

export function datesExample(t: DateText): Example {
  const out = [...t.iso].map(id);
  return { src: [...t.text].map(id), tokens: [BOS, ...out], targets: [...out, EOS] };
}

export const encodeDateText = (text: string): number[] => [...text].map(id);

/** A training example from a date that is not held out. */
export function sampleDate(rand: () => number): Example {
  for (;;) {
    const n = Math.floor(rand() * DAY_COUNT);
    if (!isHeldOutDate(n)) return datesExample(randomRendering(n, rand));
  }
}

/** `count` distinct held-out dates, each in a random format (same list for the same rand). */
export function heldOutDates(count: number, rand: () => number): DateText[] {
  const seen = new Set<number>();
  const out: DateText[] = [];
  while (out.length < count) {
    const n = Math.floor(rand() * DAY_COUNT);
    if (seen.has(n) || !isHeldOutDate(n)) continue;
    seen.add(n);
    out.push(randomRendering(n, rand));
  }
  return out;
}
