// Tests for <Tex>'s renderer: KaTeX options (MathML output, trust:false, no throw) and memoisation.
import { describe, expect, it, vi } from 'vitest';
import katex from 'katex';
import { renderTex } from './Tex';

describe('renderTex', () => {
  it('renders HTML and MathML (for screen readers)', () => {
    const html = renderTex(katex, '\\frac{q_i \\cdot k_j}{\\sqrt{d_{head}}}', false);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
    expect(html).toContain('katex-html');
  });
  it('does not throw on a bad formula, shows the error instead', () => {
    const html = renderTex(katex, '\\frac{1}{', true);
    expect(html).toContain('katex-error');
  });
  it('is untrusted: \\href is not turned into a link', () => {
    const html = renderTex(katex, '\\href{javascript:alert(1)}{x}', false);
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('href="javascript');
  });
  it('memoises per formula and mode', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const a = renderTex(katex, 'x^2 + memo', false);
    const b = renderTex(katex, 'x^2 + memo', false);
    renderTex(katex, 'x^2 + memo', true);
    expect(a).toBe(b);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
