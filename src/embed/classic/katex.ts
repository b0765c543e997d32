// atlas-katex.js: KaTeX as a classic script for the classic embed, loaded on the first formula
// (src/components/Tex.tsx), with atlas-katex.css (its fonts inlined as data: URLs, woff2 only): a
// font file is always fetched in CORS mode, so from a sandboxed frame it must not be a separate file.
import katex from 'katex';
import 'katex/dist/katex.min.css'; // → atlas-katex.css (scripts/vite-plugin-classic.ts)
import { siteUrl } from './loadScript';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = siteUrl('atlas-katex.css');
document.head.appendChild(link);
(self as unknown as { atlasKatex: typeof katex }).atlasKatex = katex;
