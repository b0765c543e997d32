import { describe, expect, it } from 'vitest';
import { acceptMessage, resizeMessages } from './messages';

const parent = {};
const self = {};
const ctx = { parent, self, parentOrigin: 'https://course.example' };

describe('resizeMessages', () => {
  it('posts the documented shapes with a whole height', () => {
    const [a, b] = resizeMessages(412.3);
    expect(JSON.parse(a)).toEqual({ context: 'iframe.resize', height: 413 });
    expect(b).toEqual({ subject: 'lti.frameResize', height: 413 });
  });
});

describe('acceptMessage', () => {
  it('accepts the known shapes from the parent at its origin (objects or JSON strings)', () => {
    expect(acceptMessage({ source: parent, origin: 'https://course.example', data: { type: 'atlas.requestHeight' } }, ctx)).toEqual({ type: 'atlas.requestHeight' });
    expect(acceptMessage({ source: parent, origin: 'https://course.example', data: '{"type":"atlas.setTheme","theme":"dark"}' }, ctx)).toEqual({ type: 'atlas.setTheme', theme: 'dark' });
  });
  it('refuses other sources, other origins and other shapes', () => {
    const ok = { type: 'atlas.requestHeight' };
    expect(acceptMessage({ source: {}, origin: 'https://course.example', data: ok }, ctx)).toBeNull();
    expect(acceptMessage({ source: parent, origin: 'https://evil.example', data: ok }, ctx)).toBeNull();
    expect(acceptMessage({ source: parent, origin: 'https://course.example', data: { type: 'atlas.setTheme', theme: '<b>' } }, ctx)).toBeNull();
    expect(acceptMessage({ source: parent, origin: 'https://course.example', data: 'not json' }, ctx)).toBeNull();
    expect(acceptMessage({ source: parent, origin: 'https://course.example', data: [ok] }, ctx)).toBeNull();
  });
  it('accepts a sandboxed parent ("null") when its origin is unknown, but never a frame talking to itself', () => {
    expect(acceptMessage({ source: parent, origin: 'null', data: { type: 'atlas.requestHeight' } }, { ...ctx, parentOrigin: null })).not.toBeNull();
    expect(acceptMessage({ source: self, origin: 'null', data: { type: 'atlas.requestHeight' } }, { parent: self, self, parentOrigin: null })).toBeNull();
  });
});
