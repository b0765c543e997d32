// The attributes of the custom elements (atlas-widgets.js) parsed into tensors, or one plain-text
// message saying what is wrong. Pure (no DOM), so it is unit-tested. Rows are queries, columns keys.
import type { BoolTensor, Tensor } from '../model/tensor';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Longest sequence and most heads an element draws (a page is not a notebook). */
export const MAX_TOKENS = 512;
export const MAX_HEADS = 64;

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function json(name: string, raw: string | null): Parsed<unknown> {
  if (raw === null) return fail(`the attribute ${name} is missing`);
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return fail(`${name} is not valid JSON`);
  }
}

function tokenList(name: string, raw: string | null): Parsed<string[]> {
  const p = json(name, raw);
  if (!p.ok) return p;
  const v = p.value;
  if (!Array.isArray(v) || v.length === 0 || !v.every((t) => typeof t === 'string' || typeof t === 'number'))
    return fail(`${name} must be a JSON list of strings, e.g. ["the","dog"]`);
  if (v.length > MAX_TOKENS) return fail(`${name} has ${v.length} tokens; at most ${MAX_TOKENS} are drawn`);
  return { ok: true, value: v.map(String) };
}

/** A rectangular [rows, cols] list of finite numbers, flattened. */
function matrix(name: string, v: unknown, rows: number, cols: number): Parsed<Float32Array> {
  if (!Array.isArray(v) || v.length !== rows) return fail(`${name} must have ${rows} rows (one per query), not ${Array.isArray(v) ? v.length : 'none'}`);
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = v[i];
    if (!Array.isArray(row) || row.length !== cols) return fail(`${name} row ${i} must have ${cols} numbers (one per key)`);
    for (let j = 0; j < cols; j++) {
      const x = row[j];
      const n = typeof x === 'boolean' ? Number(x) : x;
      if (typeof n !== 'number' || !Number.isFinite(n)) return fail(`${name}[${i}][${j}] is not a finite number`);
      out[i * cols + j] = n;
    }
  }
  return { ok: true, value: out };
}

export interface AttentionData {
  /** [H, Sq, Sk] (H = 1 for a single head). */
  weights: Tensor;
  queryTokens: string[];
  keyTokens: string[];
  /** [Sq, Sk], 1 = blocked, or null. */
  mask: BoolTensor | null;
  nHeads: number;
}

/**
 * `<atlas-attention tokens weights [query-tokens] [mask]>`: `tokens` label the keys (and the queries
 * unless `query-tokens` is given, for cross-attention); `weights` is one head [Sq, Sk] or [H, Sq, Sk].
 */
export function parseAttention(attr: (name: string) => string | null): Parsed<AttentionData> {
  const keys = tokenList('tokens', attr('tokens'));
  if (!keys.ok) return keys;
  const queries = attr('query-tokens') === null ? keys : tokenList('query-tokens', attr('query-tokens'));
  if (!queries.ok) return queries;
  const Sq = queries.value.length;
  const Sk = keys.value.length;
  const w = json('weights', attr('weights'));
  if (!w.ok) return w;
  const v = w.value;
  const threeD = Array.isArray(v) && Array.isArray(v[0]) && Array.isArray((v[0] as unknown[])[0]);
  const heads = threeD ? (v as unknown[]) : [v];
  if (heads.length > MAX_HEADS) return fail(`weights has ${heads.length} heads; at most ${MAX_HEADS} are drawn`);
  const data = new Float32Array(heads.length * Sq * Sk);
  for (let h = 0; h < heads.length; h++) {
    const m = matrix(threeD ? `weights[${h}]` : 'weights', heads[h], Sq, Sk);
    if (!m.ok) return m;
    data.set(m.value, h * Sq * Sk);
  }
  let mask: BoolTensor | null = null;
  if (attr('mask') !== null) {
    const mj = json('mask', attr('mask'));
    if (!mj.ok) return mj;
    const m = matrix('mask', mj.value, Sq, Sk);
    if (!m.ok) return m;
    mask = { data: Uint8Array.from(m.value, (x) => (x ? 1 : 0)), shape: [Sq, Sk] };
  }
  return { ok: true, value: { weights: { data, shape: [heads.length, Sq, Sk] }, queryTokens: queries.value, keyTokens: keys.value, mask, nHeads: heads.length } };
}

/** A whole number attribute within [min, max], or the default when absent. */
export function intAttr(name: string, raw: string | null, min: number, max: number, dflt: number): Parsed<number> {
  if (raw === null) return { ok: true, value: dflt };
  if (!/^\s*\d{1,6}\s*$/.test(raw) || Number(raw) < min || Number(raw) > max) return fail(`${name} must be a whole number from ${min} to ${max}`);
  return { ok: true, value: Number(raw) };
}

export interface MaskData {
  tokens: string[];
  pattern: 'full' | 'causal' | 'prefix';
  prefix: number;
  padding: number;
  /** Real scores [S, S] to mask, or null. */
  scores: Tensor | null;
}

/** `<atlas-mask tokens [pattern] [prefix] [padding] [scores]>`. */
export function parseMask(attr: (name: string) => string | null): Parsed<MaskData> {
  const tokens = tokenList('tokens', attr('tokens'));
  if (!tokens.ok) return tokens;
  const S = tokens.value.length;
  const pattern = attr('pattern') ?? 'causal';
  if (pattern !== 'full' && pattern !== 'causal' && pattern !== 'prefix') return fail('pattern must be full, causal or prefix');
  const prefix = intAttr('prefix', attr('prefix'), 0, S, Math.min(2, S));
  if (!prefix.ok) return prefix;
  const padding = intAttr('padding', attr('padding'), 0, S - 1, 0);
  if (!padding.ok) return padding;
  let scores: Tensor | null = null;
  if (attr('scores') !== null) {
    const sj = json('scores', attr('scores'));
    if (!sj.ok) return sj;
    const m = matrix('scores', sj.value, S, S);
    if (!m.ok) return m;
    scores = { data: m.value, shape: [S, S] };
  }
  return { ok: true, value: { tokens: tokens.value, pattern, prefix: prefix.value, padding: padding.value, scores } };
}

export type PositionalData = { kind: 'sinusoidal'; length: number; dModel: number } | { kind: 'table'; table: Tensor };

/** `<atlas-positional length d-model>` (sinusoidal) or `<atlas-positional values='[[…]]'>` (a model's own [S, d] table). */
export function parsePositional(attr: (name: string) => string | null): Parsed<PositionalData> {
  if (attr('values') !== null) {
    const vj = json('values', attr('values'));
    if (!vj.ok) return vj;
    const v = vj.value;
    if (!Array.isArray(v) || v.length === 0 || v.length > MAX_TOKENS || !Array.isArray(v[0])) return fail(`values must be a JSON list of 1 to ${MAX_TOKENS} rows (one per position)`);
    const d = (v[0] as unknown[]).length;
    if (d === 0 || d > 4096) return fail('each row of values must hold 1 to 4096 numbers');
    const m = matrix('values', v, v.length, d);
    if (!m.ok) return m;
    return { ok: true, value: { kind: 'table', table: { data: m.value, shape: [v.length, d] } } };
  }
  const length = intAttr('length', attr('length'), 1, 256, 32);
  if (!length.ok) return length;
  const dModel = intAttr('d-model', attr('d-model'), 2, 1024, 16);
  if (!dModel.ok) return dModel;
  if (dModel.value % 2) return fail('d-model must be even (sin and cos come in pairs)');
  return { ok: true, value: { kind: 'sinusoidal', length: length.value, dModel: dModel.value } };
}
