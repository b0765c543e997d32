// The small markup lesson prose is written in, parsed to segments that React renders as text
// (never as HTML): $inline math$, [[glossary-id]] or [[glossary-id|shown words]], **strong**, `code`,
// [words](#/route): a link inside the app (only `#/…` targets; anything else stays text),
// and {{name}}: a live value of the loaded model (dModel, nHeads, dHead, dFF, S, vocabSize, …).

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string }
  | { kind: 'term'; id: string; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'live'; name: LiveValue };

/** Values of the running model that prose can quote with {{name}}. */
export const LIVE_VALUES = ['model', 'arch', 'dModel', 'nHeads', 'dHead', 'dFF', 'ffRatio', 'nLayers', 'S', 'vocabSize', 'maxLen', 'positional', 'norm', 'activation', 'embedScale'] as const;
export type LiveValue = (typeof LIVE_VALUES)[number];
const isLive = (x: string): x is LiveValue => (LIVE_VALUES as readonly string[]).includes(x);

// One alternation per construct; the text between matches is plain text.
const TOKEN = /\$([^$]+)\$|\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]|\*\*([^*]+)\*\*|`([^`]+)`|\{\{([A-Za-z]+)\}\}|\[([^\]]+)\]\((#\/[A-Za-z0-9/?=&._-]*)\)/g;

/** Splits one paragraph of lesson markup into segments. Unmatched markers stay as text. */
export function parseProse(source: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: source.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'math', tex: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'term', id: m[2], text: m[3] ?? m[2].replace(/-/g, ' ') });
    else if (m[4] !== undefined) out.push({ kind: 'strong', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'code', text: m[5] });
    else if (m[6] !== undefined) out.push(isLive(m[6]) ? { kind: 'live', name: m[6] } : { kind: 'text', text: m[0] });
    else if (m[7] !== undefined) out.push({ kind: 'link', text: m[7], href: m[8] });
    last = at + m[0].length;
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) });
  return out;
}

/** The paragraph as plain text (math as its source), for speaker windows, titles and search. */
export function proseText(source: string): string {
  return parseProse(source)
    .map((s) => (s.kind === 'math' ? s.tex : s.kind === 'live' ? `{{${s.name}}}` : s.text))
    .join('');
}

/** Every glossary id a paragraph links to (tests check each exists). */
export function termIds(source: string): string[] {
  return parseProse(source).flatMap((s) => (s.kind === 'term' ? [s.id] : []));
}
