// The dates task: a date written by a human in one of many formats ("march 3, 2021",
// "3 Mar. 21", "03/03/2021", "Wed, the 3rd of March, 2021", "2021.03.03", …) → ISO "2021-03-03".
// A format is a combination of choices (order, month style, day style, year style, weekday,
// separators, commas); about one format in eight is held out whole, so the held-out-format
// figure measures generalisation to ways of writing a date the model never saw. Casing and
// spacing noise apply to every format. Every example records where the year, month and day sit
// in the source, so the cross-attention alignment can be measured. Dates run from 1950 to 2049,
// which makes a two-digit year unambiguous (50–99 → 19xx, 00–49 → 20xx).
import type { Example } from '../model/train/batch';
import { hashString, isHeldOut } from './split';
import { BOS, EOS, SPECIALS, indexer } from './vocab';

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const FIRST_DAY = Date.UTC(1950, 0, 1);
export const DAY_COUNT = Math.round((Date.UTC(2050, 0, 1) - FIRST_DAY) / 86_400_000); // 36,525 dates
/** The model's learned position table has 48 rows: no source is longer. */
export const MAX_SOURCE = 48;

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
  format: string; // the format's key (see formatKey)
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

/** One way of writing a date. Word months: month-first or day-first; numeric months: the
 *  separator fixes the order, as people use them (`/` month-first as in the US, `.` and `-`
 *  day-first as in Europe, a four-digit year first with any of them). */
export interface DateFormat {
  order: 'mdy' | 'dmy' | 'ymd';
  month: 'full' | 'abbr' | 'abbr.' | 'num' | 'num2'; // march · mar · mar. · 3 · 03
  day: 'num' | 'num2' | 'ord' | 'ord-of' | 'the-ord-of' | 'the-ord'; // 3 · 03 · 3rd · 3rd of · the 3rd of · (march) the 3rd
  year: 'yyyy' | 'yy';
  weekday: 'none' | 'full' | 'abbr' | 'abbr.' | 'full-after' | 'abbr-after'; // before the date, or after it with a comma
  weekdayComma: boolean; // "Wed, 3 Mar" vs "Wed 3 Mar"
  sep: ' ' | '/' | '.' | '-';
  comma: boolean; // word months: a comma before the year ("March 3, 2021")
}

const WORD_MONTHS = ['full', 'abbr', 'abbr.'] as const;
const key = (f: DateFormat) => `${f.order}|${f.month}|${f.day}|${f.year}|${f.weekday}|${f.weekdayComma ? ',' : ''}|${f.sep}|${f.comma ? ',' : ''}`;
export const formatKey = key;

/** Every format: each combination of choices that people actually write and that reads one way. */
function allFormats(): DateFormat[] {
  const out: DateFormat[] = [];
  const weekdays: [DateFormat['weekday'], boolean][] = [
    ['none', false], ['full', true], ['full', false], ['abbr', true], ['abbr', false], ['abbr.', true], ['abbr.', false], ['full-after', true], ['abbr-after', true],
  ];
  for (const [weekday, weekdayComma] of weekdays) {
    for (const year of ['yyyy', 'yy'] as const) {
      // word months, spaces: "March 3, 2021", "March the 3rd 2021", "3rd of March, 2021", "the 3rd of March 2021"
      for (const month of WORD_MONTHS) {
        for (const comma of [false, true]) {
          for (const day of ['num', 'ord', 'the-ord'] as const) out.push({ order: 'mdy', month, day, year, weekday, weekdayComma, sep: ' ', comma });
          for (const day of ['num', 'num2', 'ord', 'ord-of', 'the-ord-of'] as const) out.push({ order: 'dmy', month, day, year, weekday, weekdayComma, sep: ' ', comma });
        }
        // "03-Mar-2021", "3-MAR-21"
        if (month !== 'abbr.') for (const day of ['num', 'num2'] as const) out.push({ order: 'dmy', month, day, year, weekday, weekdayComma, sep: '-', comma: false });
      }
      if (weekday.endsWith('after')) continue; // a weekday after a numeric date is rare
      // numeric months
      for (const month of ['num', 'num2'] as const) {
        const day = month === 'num' ? 'num' : 'num2';
        out.push({ order: 'mdy', month, day, year, weekday, weekdayComma, sep: '/', comma: false });
        for (const sep of ['.', '-'] as const) out.push({ order: 'dmy', month, day, year, weekday, weekdayComma, sep, comma: false });
        if (year === 'yyyy') for (const sep of ['/', '.', '-'] as const) out.push({ order: 'ymd', month, day, year, weekday, weekdayComma, sep, comma: false });
      }
    }
  }
  return out;
}

export const FORMATS: DateFormat[] = allFormats();
export const FORMAT_COUNT = FORMATS.length;
/** A whole format is held out when a hash of its key says so: about one in eight. */
export const isHeldOutFormat = (f: DateFormat): boolean => hashString(`format:${key(f)}`) % 8 === 0;
export const TRAIN_FORMATS = FORMATS.filter((f) => !isHeldOutFormat(f));
export const HELD_OUT_FORMATS = FORMATS.filter(isHeldOutFormat);

/** How the letters and spaces are written: the same format in lower case, Capitalised or UPPER
 *  case, with now and then a random letter's case flipped, a doubled space, spaces around a
 *  separator, a comma without its space, or a space before or after the date. */
export interface Noise {
  casing: 0 | 1 | 2; // lower, Capitalised, UPPER
  flips: number; // how many letters have their case flipped
  extraSpace: boolean; // one space doubled
  spacedSep: boolean; // "3 / 3 / 2021"
  tightComma: boolean; // "March 3,2021"
  pad: 0 | 1 | 2; // a space before (1) or after (2) the text
  seed: number; // where the flips and the doubled space go
}
export const CLEAN: Noise = { casing: 0, flips: 0, extraSpace: false, spacedSep: false, tightComma: false, pad: 0, seed: 0 };

export function randomNoise(rand: () => number): Noise {
  const r = () => rand();
  return {
    casing: (r() < 0.45 ? 0 : r() < 0.7 ? 1 : 2) as Noise['casing'],
    flips: r() < 0.1 ? 1 + Math.floor(r() * 2) : 0,
    extraSpace: r() < 0.1,
    spacedSep: r() < 0.1,
    tightComma: r() < 0.15,
    pad: (r() < 0.9 ? 0 : r() < 0.5 ? 1 : 2) as Noise['pad'],
    seed: Math.floor(r() * 1e9),
  };
}

type Piece = string | { part: 'year' | 'month' | 'day'; text: string } | { word: string };

/** The pieces of date `d` in format `f`: parts (with spans), words (cased) and separators. */
function pieces(d: CalendarDate, f: DateFormat): Piece[] {
  const monthName = MONTHS[d.month - 1];
  const month: Piece =
    f.month === 'full' ? { part: 'month', text: monthName } :
    f.month === 'abbr' ? { part: 'month', text: monthName.slice(0, 3) } :
    f.month === 'abbr.' ? { part: 'month', text: monthName.slice(0, 3) } :
    { part: 'month', text: f.month === 'num2' ? pad2(d.month) : `${d.month}` };
  const monthDot: Piece[] = f.month === 'abbr.' && d.month !== 5 ? ['.'] : []; // "May." is not an abbreviation
  const dayText = f.day === 'num2' ? pad2(d.day) : f.day === 'num' ? `${d.day}` : `${d.day}${ordinal(d.day)}`;
  const day: Piece = { part: 'day', text: dayText };
  const year: Piece = { part: 'year', text: f.year === 'yy' ? pad2(d.year % 100) : `${d.year}` };
  const wd = WEEKDAYS[d.weekday];
  const wdWord: Piece[] = f.weekday === 'full' || f.weekday === 'full-after' ? [{ word: wd }] : f.weekday === 'none' ? [] : [{ word: wd.slice(0, 3) }];
  if (f.weekday === 'abbr.') wdWord.push('.');
  let body: Piece[];
  if (f.month === 'num' || f.month === 'num2') {
    const s = f.sep;
    body = f.order === 'mdy' ? [month, s, day, s, year] : f.order === 'dmy' ? [day, s, month, s, year] : [year, s, month, s, day];
  } else if (f.sep === '-') {
    body = [day, '-', month, '-', year];
  } else {
    const yearSep = f.comma ? ', ' : ' ';
    if (f.order === 'mdy') body = f.day === 'the-ord' ? [month, ...monthDot, ' ', { word: 'the' }, ' ', day, yearSep, year] : [month, ...monthDot, ' ', day, yearSep, year];
    else if (f.day === 'ord-of') body = [day, ' ', { word: 'of' }, ' ', month, ...monthDot, yearSep, year];
    else if (f.day === 'the-ord-of') body = [{ word: 'the' }, ' ', day, ' ', { word: 'of' }, ' ', month, ...monthDot, yearSep, year];
    else body = [day, ' ', month, ...monthDot, yearSep, year];
  }
  if (f.weekday === 'none') return body;
  if (f.weekday.endsWith('after')) return [...body, ', ', ...wdWord];
  return [...wdWord, f.weekdayComma ? ', ' : ' ', ...body];
}

const isLetter = (ch: string) => /[a-z]/i.test(ch);

/** Renders date `d` in format `f` with the given noise (CLEAN: none). */
export function renderDate(d: CalendarDate, f: DateFormat, noise: Noise = CLEAN): DateText {
  const out: DateText = { text: '', iso: isoOf(d), year: [0, 0], month: [0, 0], day: [0, 0], twoDigitYear: f.year === 'yy', format: key(f) };
  const ps = pieces(d, f);
  if (noise.pad === 1) ps.unshift(' ');
  if (noise.pad === 2) ps.push(' ');
  let first = true; // Capitalised: the first word, month and weekday names
  for (const piece of ps) {
    if (typeof piece === 'string') {
      let s = piece;
      if (noise.tightComma && s === ', ') s = ',';
      if (noise.spacedSep && (s === '/' || s === '.' || s === '-') && (f.month === 'num' || f.month === 'num2')) s = ` ${s} `;
      out.text += s;
      continue;
    }
    let text = 'word' in piece ? piece.word : piece.text;
    const name = 'part' in piece ? piece.part === 'month' : piece.word !== 'the' && piece.word !== 'of'; // month and weekday names
    if (noise.casing === 2) text = text.toUpperCase();
    else if (noise.casing === 1 && isLetter(text[0]) && (name || first)) text = text[0].toUpperCase() + text.slice(1);
    first = false;
    if ('part' in piece) {
      out[piece.part] = [out.text.length, out.text.length + text.length];
    }
    out.text += text;
  }
  if (noise.flips > 0 || noise.extraSpace) {
    let s = noise.seed;
    const next = (n: number) => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s % n; };
    const chars = [...out.text];
    for (let i = 0; i < noise.flips; i++) {
      const letters = chars.map((c, j) => (isLetter(c) ? j : -1)).filter((j) => j >= 0);
      if (letters.length === 0) break;
      const j = letters[next(letters.length)];
      chars[j] = chars[j] === chars[j].toLowerCase() ? chars[j].toUpperCase() : chars[j].toLowerCase();
    }
    out.text = chars.join('');
    if (noise.extraSpace) {
      const spaces = chars.map((c, j) => (c === ' ' ? j : -1)).filter((j) => j >= 0);
      if (spaces.length > 0) {
        const at = spaces[next(spaces.length)];
        out.text = out.text.slice(0, at) + ' ' + out.text.slice(at);
        for (const part of ['year', 'month', 'day'] as const) {
          const span = out[part];
          if (span[0] > at) out[part] = [span[0] + 1, span[1] + 1];
        }
      }
    }
  }
  if (out.text.length > MAX_SOURCE) return renderDate(d, f, CLEAN);
  return out;
}

const isNumeric = (f: DateFormat) => f.month === 'num' || f.month === 'num2';
const groups = new Map<DateFormat[], DateFormat[][]>();
/** `formats` in four groups (numeric month or not × weekday or not), so that a draw is not
 *  dominated by the many weekday variants: each group is drawn with a fixed share. */
function grouped(formats: DateFormat[]): DateFormat[][] {
  let g = groups.get(formats);
  if (!g) {
    g = [[false, false], [false, true], [true, false], [true, true]].map(([num, wd]) => formats.filter((f) => isNumeric(f) === num && (f.weekday !== 'none') === wd));
    groups.set(formats, g);
  }
  return g;
}
const GROUP_SHARE = [0.4, 0.3, 0.2, 0.1]; // words · words + weekday · numbers · numbers + weekday

/** A random rendering of date number n in one of `formats`. */
export function randomRendering(n: number, rand: () => number, formats: DateFormat[] = TRAIN_FORMATS): DateText {
  const g = grouped(formats);
  let u = rand();
  let i = 0;
  while (i < 3 && (u >= GROUP_SHARE[i] || g[i].length === 0)) u -= GROUP_SHARE[i++];
  const pool = g[i].length > 0 ? g[i] : formats;
  return renderDate(dateAt(n), pool[Math.floor(rand() * pool.length)], randomNoise(rand));
}

/** The date itself (its ISO form) decides the split: a held-out date is never seen in any format. */
export const isHeldOutDate = (n: number): boolean => isHeldOut(isoOf(dateAt(n)));

export function datesExample(t: DateText): Example {
  const out = [...t.iso].map(id);
  return { src: [...t.text].map(id), tokens: [BOS, ...out], targets: [...out, EOS] };
}

export const encodeDateText = (text: string): number[] => [...text].map(id);

/** A training example: a date that is not held out, in a format that is not held out. */
export function sampleDate(rand: () => number): Example {
  for (;;) {
    const n = Math.floor(rand() * DAY_COUNT);
    if (!isHeldOutDate(n)) return datesExample(randomRendering(n, rand));
  }
}

/** `count` distinct held-out dates, each in a random format of `formats` (same list for the same
 *  rand): TRAIN_FORMATS measures unseen dates, HELD_OUT_FORMATS unseen dates in unseen formats. */
export function heldOutDates(count: number, rand: () => number, formats: DateFormat[] = TRAIN_FORMATS): DateText[] {
  const seen = new Set<number>();
  const out: DateText[] = [];
  while (out.length < count) {
    const n = Math.floor(rand() * DAY_COUNT);
    if (seen.has(n) || !isHeldOutDate(n)) continue;
    seen.add(n);
    out.push(randomRendering(n, rand, formats));
  }
  return out;
}

/** Dates as people type them, written by hand (not by the generator): the examples and
 *  more. Each is [text, ISO]. Some are in held-out formats, some in trained ones. */
export const HANDWRITTEN: [string, string][] = [
  ['the 30th of July 2028', '2028-07-30'],
  ['Tuesday, August 9, 1994', '1994-08-09'],
  ['december 19 2014', '2014-12-19'],
  ['Sun 15 Aug 1993', '1993-08-15'],
  ['March 3, 2021', '2021-03-03'],
  ['3rd of March 2021', '2021-03-03'],
  ['03/14/1999', '1999-03-14'],
  ['Jan. 5, 1987', '1987-01-05'],
  ['5 jan 87', '1987-01-05'],
  ['2001-09-11', '2001-09-11'],
  ['11.9.2001', '2001-09-11'],
  ['Friday, 13 October 2023', '2023-10-13'],
  ['oct 31st, 1999', '1999-10-31'],
  ['the 1st of May, 1970', '1970-05-01'],
  ['25 DEC 2049', '2049-12-25'],
  ['July 4th 1976', '1976-07-04'],
  ['04/07/76', '1976-04-07'],
  ['Wed 29 Feb 2012', '2012-02-29'],
  ['Sat., Jan 1 2000', '2000-01-01'],
  ['2 February 1965, Tuesday', '1965-02-02'],
  ['Nov 22 1963', '1963-11-22'],
  ['20-Jul-69', '1969-07-20'],
  ['1990/10/03', '1990-10-03'],
  ['June the 6th, 1984', '1984-06-06'],
  ['12th September 2008', '2008-09-12'],
  ['Thu, 1 Jan 1970', '1970-01-01'],
  ['august 15 47', '2047-08-15'],
  ['Mon  7 April 2003', '2003-04-07'],
  ['9 Sep. 2010', '2010-09-09'],
  ['THE 2ND OF JUNE 1953', '1953-06-02'],
];
