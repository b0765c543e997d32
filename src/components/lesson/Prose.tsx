// Renders one paragraph of lesson markup (src/lessons/prose.ts) as React text nodes, inline
// KaTeX, glossary links and live values of the running model. Nothing here is inserted as HTML.
import { useMemo } from 'react';
import { Tex } from '../Tex';
import { parseProse, LIVE_VALUES, type LiveValue } from '../../lessons/prose';
import { glossaryEntry } from '../../lessons/glossary';
import { useAtlas } from '../../store/atlas';
import { liveValue, useLiveValue } from './liveValues';

/** The link to a glossary entry (a route parameter, so hash routing is kept). */
export function glossaryHref(id: string): string {
  return `#/glossary?term=${encodeURIComponent(id)}`;
}

const LIVE_IN_TEX = /\{\{([A-Za-z]+)\}\}/g;

/** A formula whose {{name}} placeholders are replaced by the running model's values. */
export function LiveTex({ tex, display = false }: { tex: string; display?: boolean }) {
  const filled = useAtlas((s) =>
    tex.replace(LIVE_IN_TEX, (m, name: string) => {
      if (!(LIVE_VALUES as readonly string[]).includes(name)) return m;
      const v = liveValue(s, name as LiveValue);
      return /^[0-9.]+$/.test(v) ? v : `\\text{${v.replace(/[\\{}$&#^_%~]/g, '')}}`;
    }),
  );
  return <Tex display={display}>{filled}</Tex>;
}

function Live({ name }: { name: LiveValue }) {
  const value = useLiveValue(name);
  return (
    <span className="live-value" data-live={name}>
      {value}
    </span>
  );
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
            return s.tex.includes('{{') ? <LiveTex key={i} tex={s.tex} /> : <Tex key={i}>{s.tex}</Tex>;
          case 'strong':
            return <strong key={i}>{s.text}</strong>;
          case 'code':
            return <code key={i}>{s.text}</code>;
          case 'live':
            return <Live key={i} name={s.name} />;
          case 'link':
            return (
              <a key={i} href={s.href}>
                {s.text}
              </a>
            );
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
