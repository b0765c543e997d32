// atlas-widgets.js: custom elements that draw Attention Atlas panels from data the page supplies —
// no iframe, no model. One classic script (built by scripts/vite-plugin-classic.ts), so any page can
// load it from another origin:
//
//   <script src="https://HOST/atlas/atlas-widgets.js" defer></script>
//   <atlas-attention tokens='["the","dog","runs"]' weights='[[1,0,0],[0.4,0.6,0],[0.2,0.5,0.3]]'></atlas-attention>
//
// Elements: <atlas-attention> (one head [S, S] or [H, S, S] with a head picker; `query-tokens` for
// cross-attention; `mask`), <atlas-mask>, <atlas-positional>. Bad attributes show one line of text
// in the element (docs/components.md).
import { createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import vizCss from '../visualizations/viz.css?inline';
import elementsCss from './elements.css?inline';
import { parseAttention, parseMask, parsePositional, intAttr, type Parsed } from './parse';
import { AttentionElement, MaskElement, PositionalElement } from './AtlasElements';

/** Adds the panels' stylesheet to the page once (scoped: every rule names a viz- class or an atlas- element). */
function injectStyles(): void {
  if (document.getElementById('atlas-widgets-css')) return;
  const style = document.createElement('style');
  style.id = 'atlas-widgets-css';
  style.textContent = `${elementsCss}\n${vizCss}`;
  document.head.appendChild(style);
}

type Attr = (name: string) => string | null;

/** A custom element that re-renders its panel whenever one of its attributes changes. */
function defineElement(name: string, attributes: readonly string[], render: (attr: Attr) => Parsed<ReactElement>): void {
  if (customElements.get(name)) return;
  class AtlasElement extends HTMLElement {
    static observedAttributes = [...attributes, 'title', 'theme'];
    private root: Root | null = null;
    connectedCallback() {
      injectStyles();
      this.root ??= createRoot(this);
      this.update();
    }
    attributeChangedCallback() {
      if (this.root) this.update();
    }
    disconnectedCallback() {
      const root = this.root;
      this.root = null;
      // Unmount after React's current work (an element moved in the DOM is re-connected at once).
      queueMicrotask(() => root?.unmount());
    }
    private update() {
      const r = render((n) => this.getAttribute(n));
      this.root?.render(
        r.ok
          ? r.value
          : createElement('p', { className: 'atlas-el-error', role: 'alert', 'data-testid': 'atlas-error' }, `<${name}>: ${r.message}.`),
      );
    }
  }
  customElements.define(name, AtlasElement);
}

const title = (attr: Attr) => attr('title');

defineElement('atlas-attention', ['tokens', 'weights', 'query-tokens', 'mask', 'head'], (attr) => {
  const data = parseAttention(attr);
  if (!data.ok) return data;
  const head = intAttr('head', attr('head'), 0, 63, 0);
  if (!head.ok) return head;
  return { ok: true, value: createElement(AttentionElement, { data: data.value, title: title(attr), head: head.value }) };
});

defineElement('atlas-mask', ['tokens', 'pattern', 'prefix', 'padding', 'scores'], (attr) => {
  const data = parseMask(attr);
  return data.ok ? { ok: true, value: createElement(MaskElement, { data: data.value, title: title(attr) }) } : data;
});

defineElement('atlas-positional', ['length', 'd-model', 'values'], (attr) => {
  const data = parsePositional(attr);
  return data.ok ? { ok: true, value: createElement(PositionalElement, { data: data.value, title: title(attr) }) } : data;
});
