import { describe, expect, it } from 'vitest';
import { parseProse, proseText, termIds } from './prose';

describe('parseProse', () => {
  it('splits math, terms, strong and code', () => {
    expect(parseProse('a $x^2$ and [[softmax]] or [[d-model|width]] **b** `c` end')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'math', tex: 'x^2' },
      { kind: 'text', text: ' and ' },
      { kind: 'term', id: 'softmax', text: 'softmax' },
      { kind: 'text', text: ' or ' },
      { kind: 'term', id: 'd-model', text: 'width' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'c' },
      { kind: 'text', text: ' end' },
    ]);
  });
  it('keeps HTML as text and leaves unmatched markers alone', () => {
    expect(parseProse('<img src=x onerror=alert(1)> costs $5')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)> costs $5' }]);
  });
  it('shows multi-word term ids with spaces by default', () => {
    expect(parseProse('[[causal-mask]]')[0]).toEqual({ kind: 'term', id: 'causal-mask', text: 'causal mask' });
    expect(termIds('see [[a]] and [[b|B]]')).toEqual(['a', 'b']);
    expect(proseText('q $\\cdot$ k')).toBe('q \\cdot k');
  });
});

describe('live values', () => {
  it('parses {{name}} for known names only', () => {
    expect(parseProse('d = {{dModel}}, x {{nope}}')).toEqual([
      { kind: 'text', text: 'd = ' },
      { kind: 'live', name: 'dModel' },
      { kind: 'text', text: ', x ' },
      { kind: 'text', text: '{{nope}}' },
    ]);
  });
});

describe('glossary search', () => {
  it('finds terms by any of their words, case-insensitively', async () => {
    const { searchGlossary, GLOSSARY } = await import('./glossary');
    expect(searchGlossary('').length).toBe(GLOSSARY.length);
    expect(searchGlossary('KV').map((e) => e.id)).toContain('kv-cache');
    expect(searchGlossary('<mask>').map((e) => e.id)).toContain('mask-token');
    expect(searchGlossary('layernorm x').map((e) => e.id)).toEqual(expect.arrayContaining(['pre-norm', 'post-norm']));
    expect(searchGlossary('zzzz')).toEqual([]);
  });
  it('parses in-app links and keeps other targets as text', async () => {
    const { parseProse } = await import('./prose');
    expect(parseProse('see the [model card](#/models).')).toContainEqual({ kind: 'link', text: 'model card', href: '#/models' });
    expect(parseProse('[x](https://evil.example)').some((s) => s.kind === 'link')).toBe(false);
  });
});
