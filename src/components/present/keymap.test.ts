import { describe, expect, it } from 'vitest';
import { presentAction, KEY_HELP } from './keymap';
import { clampToDeck, moveInDeck, parseDeck } from './deck';
import { parseStepMessage } from './channel';

describe('presentAction', () => {
  it('maps the reveal.js keys', () => {
    const cases: [string, string][] = [
      ['ArrowRight', 'next'], [' ', 'next'], ['PageDown', 'next'], ['n', 'next'], ['N', 'next'],
      ['ArrowLeft', 'prev'], ['PageUp', 'prev'], ['p', 'prev'],
      ['Home', 'first'], ['End', 'last'], ['f', 'fullscreen'], ['b', 'black'], ['.', 'black'],
      ['o', 'overview'], ['l', 'pointer'], ['s', 'speaker'], ['?', 'help'],
    ];
    for (const [key, action] of cases) expect(presentAction({ key }), key).toBe(action);
  });
  it('Esc opens the overview, or closes an open overlay', () => {
    expect(presentAction({ key: 'Escape' })).toBe('overview');
    expect(presentAction({ key: 'Escape' }, true)).toBe('close');
  });
  it('leaves browser shortcuts and other keys alone', () => {
    expect(presentAction({ key: 'f', ctrlKey: true })).toBeNull();
    expect(presentAction({ key: 'ArrowRight', altKey: true })).toBeNull();
    expect(presentAction({ key: 'x' })).toBeNull();
  });
  it('documents every action in the help list', () => {
    const text = KEY_HELP.map((k) => k.keys).join(' ');
    for (const k of ['→', 'Space', 'PageDown', 'N', '←', 'PageUp', 'P', 'Home', 'End', 'F', 'B', '.', 'O', 'Esc', 'L', 'S', '?']) expect(text).toContain(k);
  });
});

describe('deck', () => {
  it('parses step ranges and clamps them to the lesson', () => {
    expect(parseDeck('3-7', 10)).toEqual({ first: 3, last: 7 });
    expect(parseDeck('7-3', 10)).toEqual({ first: 3, last: 7 });
    expect(parseDeck('4', 10)).toEqual({ first: 4, last: 4 });
    expect(parseDeck('3-', 10)).toEqual({ first: 3, last: 10 });
    expect(parseDeck('-5', 10)).toEqual({ first: 1, last: 5 });
    expect(parseDeck('2-99', 6)).toEqual({ first: 2, last: 6 });
    expect(parseDeck('50-60', 6)).toEqual({ first: 6, last: 6 });
    for (const bad of ['', 'abc', '1-2-3', '<b>', '-']) expect(parseDeck(bad, 6)).toEqual({ first: 1, last: 6 });
    expect(parseDeck(null, 6)).toEqual({ first: 1, last: 6 });
  });
  it('moves within the deck only', () => {
    const d = { first: 3, last: 5 };
    expect(moveInDeck(5, d, 'next')).toBe(5);
    expect(moveInDeck(3, d, 'prev')).toBe(3);
    expect(moveInDeck(4, d, 'first')).toBe(3);
    expect(moveInDeck(4, d, 'last')).toBe(5);
    expect(clampToDeck(1, d)).toBe(3);
    expect(clampToDeck(9, d)).toBe(5);
  });
});

describe('parseStepMessage', () => {
  it('accepts only well-formed step messages', () => {
    expect(parseStepMessage({ type: 'atlas.present.step', slug: 'masking', step: 2 })).toEqual({ type: 'atlas.present.step', slug: 'masking', step: 2 });
    expect(parseStepMessage({ type: 'atlas.present.step', slug: '../x', step: 2 })).toBeNull();
    expect(parseStepMessage({ type: 'atlas.present.step', slug: 'masking', step: 0 })).toBeNull();
    expect(parseStepMessage('atlas.present.step')).toBeNull();
  });
});
