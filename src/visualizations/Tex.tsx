// <Tex>: renders one of OUR OWN LaTeX formulas with KaTeX. KaTeX (and its CSS) is loaded lazily on
// first use, rendered with trust:false / throwOnError:false and memoised per formula.
import { useEffect, useState } from 'react';
import { CLASSIC, globalOf, loadScript, siteUrl } from '../embed/classic/loadScript';

type Katex = typeof import('katex').default;

let katexPromise: Promise<Katex> | undefined;
let katexLoaded: Katex | undefined;
const cache = new Map<string, string>();

/** Loads KaTeX and its stylesheet once (a separate chunk, so it stays out of the initial bundle). */
export function loadKatex(): Promise<Katex> {
  // The classic embed (one script, no chunks) loads KaTeX as a classic script of its own.
  const load = CLASSIC
    ? loadScript(siteUrl('atlas-katex.js'), () => globalOf<Katex>('atlasKatex'))
    : Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m.default);
  katexPromise ??= load.then((k) => {
    katexLoaded = k;
    return k;
  });
  return katexPromise;
}

/** KaTeX's HTML+MathML for a formula, memoised per (formula, display). Errors render in red, never throw. */
export function renderTex(katex: Katex, formula: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}:${formula}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = katex.renderToString(formula, {
      displayMode: display,
      throwOnError: false,
      trust: false,
      output: 'htmlAndMathml',
      strict: 'ignore',
    });
    cache.set(key, html);
  }
  return html;
}

export interface TexProps {
  /** A LaTeX formula written by us (never user text). */
  children: string;
  /** Display (block) mode instead of inline. */
  display?: boolean;
  className?: string;
  'data-testid'?: string;
}

/** A KaTeX formula. Until KaTeX has loaded, the LaTeX source is shown (and read) as plain text. */
export function Tex({ children: formula, display = false, className, 'data-testid': testId }: TexProps) {
  const [katex, setKatex] = useState<Katex | undefined>(katexLoaded);
  useEffect(() => {
    if (katex) return;
    let live = true;
    void loadKatex().then((k) => {
      if (live) setKatex(k);
    });
    return () => {
      live = false;
    };
  }, [katex]);
  const Tag = display ? 'div' : 'span';
  const cls = ['tex', display ? 'tex-display' : 'tex-inline', className].filter(Boolean).join(' ');
  if (!katex)
    return (
      <Tag className={cls} data-testid={testId} data-tex-state="loading" data-latex={formula}>
        <code>{formula}</code>
      </Tag>
    );
  // Safe: the HTML is KaTeX's rendering of our own formula with trust:false (no \href, \url, \html*).
  return (
    <Tag
      className={cls}
      data-testid={testId}
      data-tex-state="ready"
      data-latex={formula}
      dangerouslySetInnerHTML={{ __html: renderTex(katex, formula, display) }}
    />
  );
}
