// Renders one paragraph of lesson markup (src/lessons/prose.ts) as React text nodes, inline
// KaTeX and glossary links. Nothing here is inserted as HTML.
import { useMemo } from 'react';
import { Tex } from '../Tex';
import { parseProse } from '../../lessons/prose';
import { glossaryEntry } from '../../lessons/glossary';

/** The link to a glossary entry (a route parameter, so hash routing is kept). */
export function glossaryHref(id: string): string {
  return `#/glossary?term=${encodeURIComponent(id)}`;
}

/** One paragraph of prose markup as inline content (wrap it in <p> or a label yourself). */
export function Prose({ source }: { source: string }) {
  const segments = useMemo(() => parseProse(source), [source]);
  return (
    <>
      {segments.map((s, i) => {
        switch (s.kind) {
          case 'text':
            return <span key={i}>{s.text}</span>;
          case 'math':
            return <Tex key={i}>{s.tex}</Tex>;
          case 'strong':
            return <strong key={i}>{s.text}</strong>;
          case 'code':
            return <code key={i}>{s.text}</code>;
          case 'term': {
            const entry = glossaryEntry(s.id);
            return (
              <a key={i} className="term" href={glossaryHref(s.id)} title={entry?.short}>
                {s.text}
              </a>
            );
          }
        }
      })}
    </>
  );
}
