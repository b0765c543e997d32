// Test support for the golden traces (golden/README.md): the fixture list, a fixture's CLI flags as
// a forward() request, and the comparison rule (1e-4 absolute or relative). Used by tests only.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ForwardInput, ForwardOptions } from '../forward';

export const goldenDir = import.meta.dirname;
export const goldenCases = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** The fixture's CLI flags as forward() arguments (parsed here independently of the CLI). */
export function requestFromArgs(args: string[]): { input: ForwardInput; options: ForwardOptions } {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) flags.set(args[i], args[i + 1]);
  const ids = (s: string) => s.trim().split(/\s+/).map(Number);
  const input: ForwardInput = flags.has('--input')
    ? { tokens: ids(flags.get('--input')!) }
    : { src: ids(flags.get('--src')!), tgt: ids(flags.get('--tgt')!) };
  const options: ForwardOptions = {};
  if (flags.has('--mask')) options.mask = flags.get('--mask') as ForwardOptions['mask'];
  if (flags.has('--prefix')) options.prefix = Number(flags.get('--prefix'));
  if (flags.has('--temperature')) options.temperature = Number(flags.get('--temperature'));
  return { input, options };
}

/** Every leaf of `expected` found in `actual` and equal (numbers within 1e-4 abs or rel); returns mismatches. */
export function compareTrace(expected: unknown, actual: unknown, path = 'trace', out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: expected length ${expected.length}, got ${Array.isArray(actual) ? actual.length : typeof actual}`);
      return out;
    }
    expected.forEach((e, i) => compareTrace(e, actual[i], `${path}[${i}]`, out));
  } else if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) {
      out.push(`${path}: missing`);
      return out;
    }
    for (const [k, e] of Object.entries(expected)) compareTrace(e, (actual as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (typeof expected === 'number') {
    const ok = typeof actual === 'number' && (Math.abs(actual - expected) <= 1e-4 || Math.abs(actual - expected) <= 1e-4 * Math.abs(expected));
    if (!ok) out.push(`${path}: expected ${expected}, got ${String(actual)}`);
  } else if (expected !== actual) {
    out.push(`${path}: expected ${String(expected)}, got ${String(actual)}`);
  }
  return out;
}

/** Number of leaves, to be sure a comparison looked at something. */
export function countLeaves(x: unknown): number {
  if (Array.isArray(x)) return x.reduce((n: number, e) => n + countLeaves(e), 0);
  if (typeof x === 'object' && x !== null) return Object.values(x).reduce((n: number, e) => n + countLeaves(e), 0);
  return 1;
}


/** A fixture: the CLI flags after --model and PyTorch's trace. */
export function readFixture(name: string): { args: string[]; trace: unknown } {
  return JSON.parse(readFileSync(join(goldenDir, `${name}.json`), 'utf8')) as { args: string[]; trace: unknown };
}

/** The bytes of a fixture's model file. */
export function readFixtureModel(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(goldenDir, `${name}.safetensors`)));
}
