// atlas-katex.js: KaTeX and its stylesheet (fonts inlined as data: URLs, woff2 only) as one classic
// script for the classic embed, loaded on the first formula (src/components/Tex.tsx). Fonts are
// always fetched in CORS mode, so from a sandboxed frame they must not be separate files.
import katex from 'katex';
import css from 'katex/dist/katex.min.css?inline';

const style = document.createElement('style');
style.textContent = css;
document.head.appendChild(style);
(self as unknown as { atlasKatex: typeof katex }).atlasKatex = katex;
