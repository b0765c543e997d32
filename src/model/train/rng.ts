// Seeded random numbers for initialisation and batching, so a run is reproducible bit for bit:
// same seed, same numbers, in Node and in the browser.

import { createRng } from '../sample';

/** A generator of uniform numbers in [0, 1) from a 32-bit seed: the model's own createRng. */
export const seededRandom = (seed: number): (() => number) => createRng(seed);

/** An integer in [0, n). */
export function randInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/** A standard normal sample (Box–Muller). */
export function randNormal(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]: log is finite
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
