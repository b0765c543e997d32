// A small English-like grammar with subject–verb agreement, for the grammar (decoder-only) and
// masked-grammar (encoder-only) models. The main verb agrees with the subject noun even when a
// relative clause or a prepositional phrase puts another noun, maybe of the other number, between
// them: "the dog that the cats chase runs ." — to get the verb right, attention must find "dog".
import { isHeldOut } from './split';
import { SPECIALS, indexer } from './vocab';

export const NOUNS: [string, string][] = [['dog', 'dogs'], ['cat', 'cats'], ['bird', 'birds'], ['horse', 'horses'], ['fox', 'foxes'], ['girl', 'girls'], ['boy', 'boys'], ['farmer', 'farmers']];
export const TRANSITIVE: [string, string][] = [['chases', 'chase'], ['sees', 'see'], ['likes', 'like'], ['follows', 'follow'], ['feeds', 'feed']];
export const INTRANSITIVE: [string, string][] = [['runs', 'run'], ['sleeps', 'sleep'], ['sings', 'sing'], ['waits', 'wait']];
export const ADJECTIVES = ['big', 'small', 'old', 'happy'];
const FUNCTION_WORDS = ['the', 'that', 'near', '.', '<mask>'];

export const grammarVocab: string[] = [
  ...SPECIALS, ...FUNCTION_WORDS, ...NOUNS.flat(), ...TRANSITIVE.flat(), ...INTRANSITIVE.flat(), ...ADJECTIVES,
];
export const grammarId = indexer(grammarVocab);

/** A sentence and where its agreement lives. Indices count words from 0 (no <bos>). */
export interface Sentence {
  words: string[];
  subject: number; // index of the subject noun
  verb: number; // index of the main verb
  plural: boolean; // number of the subject (and so of the verb)
  wrongVerb: string; // the main verb in the other number
  kind: 'simple' | 'subject-relative' | 'object-relative' | 'prepositional';
  attractor: boolean; // a noun of the other number stands between subject and verb
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** "the [adj] noun", the noun in the given number. */
function nounPhrase(rand: () => number, plural: boolean): { words: string[]; noun: string } {
  const words = ['the'];
  if (rand() < 0.3) words.push(pick(rand, ADJECTIVES));
  const noun = pick(rand, NOUNS)[plural ? 1 : 0];
  words.push(noun);
  return { words, noun };
}

/** A random sentence of the grammar. */
export function randomSentence(rand: () => number): Sentence {
  const plural = rand() < 0.5;
  const subj = nounPhrase(rand, plural);
  const words = [...subj.words];
  const subject = words.length - 1;
  const r = rand();
  const kind: Sentence['kind'] = r < 0.2 ? 'simple' : r < 0.47 ? 'subject-relative' : r < 0.74 ? 'object-relative' : 'prepositional';
  let attractor = false;
  if (kind !== 'simple') {
    const otherPlural = rand() < 0.5;
    attractor = otherPlural !== plural;
    const other = nounPhrase(rand, otherPlural);
    if (kind === 'subject-relative') {
      // "that chases the cats": the clause's verb agrees with the subject
      words.push('that', pick(rand, TRANSITIVE)[plural ? 1 : 0], ...other.words);
    } else if (kind === 'object-relative') {
      // "that the cats chase": the clause's verb agrees with the clause's own subject
      words.push('that', ...other.words, pick(rand, TRANSITIVE)[otherPlural ? 1 : 0]);
    } else {
      words.push('near', ...other.words);
    }
  }
  const verb = words.length;
  const transitive = rand() < 0.5;
  const lemma = transitive ? pick(rand, TRANSITIVE) : pick(rand, INTRANSITIVE);
  words.push(lemma[plural ? 1 : 0]);
  if (transitive) words.push(...nounPhrase(rand, rand() < 0.5).words);
  words.push('.');
  return { words, subject, verb, plural, wrongVerb: lemma[plural ? 0 : 1], kind, attractor };
}

/** The sentence itself decides the split. */
export const isHeldOutSentence = (s: Sentence): boolean => isHeldOut(s.words.join(' '));

/** A random sentence that is not held out. */
export function trainingSentence(rand: () => number): Sentence {
  for (;;) {
    const s = randomSentence(rand);
    if (!isHeldOutSentence(s)) return s;
  }
}

/** `count` distinct held-out sentences, with relative clauses or phrases over-represented
 *  (`complexOnly`: only those, the cases that test agreement across a distance). */
export function heldOutSentences(count: number, rand: () => number, complexOnly = false): Sentence[] {
  const seen = new Set<string>();
  const out: Sentence[] = [];
  while (out.length < count) {
    const s = randomSentence(rand);
    const key = s.words.join(' ');
    if (seen.has(key) || !isHeldOutSentence(s) || (complexOnly && s.kind === 'simple')) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
