// What a slide shows as text: the key sentence under the title, and what moves to the "More" reveal.
// Pure, so it is unit-tested. Prose uses the lesson markup (prose.ts): `$…$` maths, [[links]], **bold**.

/** Longest first paragraph shown whole as the key sentence; longer ones show their first sentence. */
export const KEY_MAX = 220;

/**
 * Splits a paragraph after its first sentence (a `.`, `!` or `?` outside `$…$` followed by a space
 * and a capital, a quote or `$`), or returns it whole.
 */
export function firstSentence(p: string): [first: string, rest: string] {
  let inMath = false;
  for (let i = 0; i < p.length - 2; i++) {
    const c = p[i];
    if (c === '$') inMath = !inMath;
    if (inMath || !'.!?'.includes(c) || p[i + 1] !== ' ') continue;
    if (/[A-Z"“$[(*]/.test(p[i + 2])) return [p.slice(0, i + 1), p.slice(i + 2)];
  }
  return [p, ''];
}

/** The key sentence of a step and the paragraphs left for the reveal. */
export function splitProse(prose: readonly string[]): { key: string | null; rest: string[] } {
  if (prose.length === 0) return { key: null, rest: [] };
  const [p0, ...others] = prose;
  if (p0.length <= KEY_MAX) return { key: p0, rest: others };
  const [first, tail] = firstSentence(p0);
  return { key: first, rest: tail ? [tail, ...others] : others };
}

/**
 * The scale that fits a figure laid out `width` × `height` (CSS px) into the free box `boxW` × `boxH`:
 * as large as fits, at most `max` (upscaled canvases blur) and at least `min` (still readable).
 */
export function fitScale(width: number, height: number, boxW: number, boxH: number, min = 0.25, max = 2): number {
  if (!(width > 0 && height > 0 && boxW > 0 && boxH > 0)) return 1;
  return Math.min(max, Math.max(min, Math.min(boxW / width, boxH / height)));
}
