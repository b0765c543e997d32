// Attention masks (docs/model-spec.md §Masks; Attention Is All You Need §3.2.3). A cell (query i, key j)
// is blocked (1) when key j is padding, or when the pattern forbids it: causal blocks j > i,
// prefix(P) blocks j > i and j ≥ P, full blocks nothing. Rows are queries, columns are keys.
import type { BoolTensor } from './tensor';

export type MaskPattern = 'full' | 'causal' | 'prefix';

/** Whether the pattern blocks query i from key j. */
export function patternBlocks(pattern: MaskPattern, i: number, j: number, prefix = 0): boolean {
  if (pattern === 'full') return false;
  if (pattern === 'causal') return j > i;
  return j > i && j >= prefix; // the first `prefix` positions see each other
}

/** The pattern alone as an [Sq, Sk] mask (1 = blocked). */
export function patternMask(pattern: MaskPattern, Sq: number, Sk: number, prefix = 0): BoolTensor {
  const data = new Uint8Array(Sq * Sk); // [Sq, Sk]
  for (let i = 0; i < Sq; i++)
    for (let j = 0; j < Sk; j++) data[i * Sk + j] = patternBlocks(pattern, i, j, prefix) ? 1 : 0;
  return { data, shape: [Sq, Sk] };
}

/** Padding as an [Sq, Sk] mask: every query is blocked from keys whose token is padId. */
export function paddingMask(Sq: number, keyTokens: readonly number[], padId: number | null): BoolTensor {
  const Sk = keyTokens.length;
  const data = new Uint8Array(Sq * Sk); // [Sq, Sk]
  if (padId !== null)
    for (let i = 0; i < Sq; i++)
      for (let j = 0; j < Sk; j++) data[i * Sk + j] = keyTokens[j] === padId ? 1 : 0;
  return { data, shape: [Sq, Sk] };
}

/** Cell-wise OR of two masks of the same shape. */
export function combineMasks(a: BoolTensor, b: BoolTensor): BoolTensor {
  const data = new Uint8Array(a.data.length); // [Sq, Sk]
  for (let i = 0; i < data.length; i++) data[i] = a.data[i] | b.data[i];
  return { data, shape: [...a.shape] };
}

/** The combined mask an attention sublayer uses: padding OR pattern, [Sq, keyTokens.length]. */
export function attentionMask(options: {
  Sq: number;
  keyTokens: readonly number[];
  padId: number | null;
  pattern: MaskPattern;
  prefix?: number;
}): BoolTensor {
  const { Sq, keyTokens, padId, pattern, prefix = 0 } = options;
  return combineMasks(paddingMask(Sq, keyTokens, padId), patternMask(pattern, Sq, keyTokens.length, prefix));
}
