// The order a student sees the options of a choice question in: shuffled, so the right answer is
// not usually first, and stable, so it does not move between visits. The seed is one random
// number per student kept on this device (a fixed seed where storage is off, e.g. in embeds).
import { hashString } from '../../tasks/split';
import { createRng } from '../../model/sample';
import { safeStorage } from '../../store/safeStorage';

const KEY = 'attention-atlas.student-seed.v1';

/** This student's seed: created once, then read back. */
export function studentSeed(): number {
  const stored = Number(safeStorage.getItem(KEY));
  if (Number.isInteger(stored) && stored > 0) return stored;
  const seed = 1 + Math.floor(Math.random() * 2 ** 31);
  safeStorage.setItem(KEY, String(seed));
  return seed;
}

/** A permutation of 0..n-1 from a seed and a question id (Fisher–Yates on a seeded generator). */
export function shuffledOrder(n: number, seed: number, id: string): number[] {
  const rand = createRng((hashString(id) ^ seed) >>> 0);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
