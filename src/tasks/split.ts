// The train / held-out split shared by every task: an item is held out when a hash of its
// canonical form (the word, the date, the sentence) says so. Training samplers skip those
// items, so no held-out item is ever seen in training, in any surface form.

/** FNV-1a, 32-bit: a fast, stable string hash (the same in every JavaScript engine). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** True for about one item in `every`: those form the held-out set. */
export function isHeldOut(canonical: string, every = 10): boolean {
  return hashString(`held-out:${canonical}`) % every === 0;
}
