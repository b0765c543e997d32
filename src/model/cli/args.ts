// Parses the trace CLI's flags (docs/model-spec.md §The trace command line) into a forward() request, refusing
// anything else with a one-line message.
import type { ForwardOptions } from '../forward';
import type { MaskPattern } from '../masks';

export const USAGE =
  'usage: npm run -s trace -- --model FILE.safetensors (--input "3 4 5" | --src "3 4 5" --tgt "1 6 7") ' +
  '[--mask full|causal|prefix] [--prefix N] [--temperature T]';

/** A bad command line; the message is printed as is. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface TraceRequest {
  model: string;
  tokens?: number[];
  src?: number[];
  tgt?: number[];
  options: ForwardOptions;
  help?: boolean;
}

const FLAGS = ['--model', '--input', '--src', '--tgt', '--mask', '--prefix', '--temperature'] as const;
type Flag = (typeof FLAGS)[number];

/** "3 4 5" (spaces or commas) → [3, 4, 5]; anything but non-negative integers is refused. */
export function parseIds(flag: string, text: string): number[] {
  const pieces = text.split(/[\s,]+/).filter((p) => p !== '');
  return pieces.map((p) => {
    if (!/^\d+$/.test(p)) throw new UsageError(`${flag}: "${p}" is not a token id (a non-negative integer)`);
    return Number(p);
  });
}

/** Reads argv (without node and the script) into a request; throws UsageError on bad flags. */
export function parseArgs(argv: readonly string[]): TraceRequest {
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { model: '', options: {}, help: true };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!name.startsWith('-')) throw new UsageError(`unexpected argument "${arg}"`);
    if (!(FLAGS as readonly string[]).includes(name)) throw new UsageError(`unknown flag ${name}`);
    const flag = name as Flag;
    let value: string;
    if (eq > 0 && name !== arg) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
      value = argv[++i];
    }
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    values.set(flag, value);
  }

  const model = values.get('--model');
  if (model === undefined || model === '') throw new UsageError('--model FILE is required');
  const request: TraceRequest = { model, options: {} };

  const input = values.get('--input');
  const src = values.get('--src');
  const tgt = values.get('--tgt');
  if (input !== undefined && (src !== undefined || tgt !== undefined))
    throw new UsageError('give either --input or --src with --tgt, not both');
  if (input !== undefined) request.tokens = parseIds('--input', input);
  else if (src !== undefined && tgt !== undefined) {
    request.src = parseIds('--src', src);
    request.tgt = parseIds('--tgt', tgt);
  } else if (src !== undefined || tgt !== undefined) throw new UsageError('--src and --tgt go together');
  else throw new UsageError('an input is required: --input IDS, or --src IDS --tgt IDS');

  const mask = values.get('--mask');
  if (mask !== undefined) {
    if (mask !== 'full' && mask !== 'causal' && mask !== 'prefix')
      throw new UsageError(`--mask must be full, causal or prefix (got "${mask}")`);
    request.options.mask = mask as MaskPattern;
  }
  const prefix = values.get('--prefix');
  if (mask === 'prefix' && prefix === undefined) throw new UsageError('--mask prefix needs --prefix N');
  if (prefix !== undefined) {
    if (mask !== 'prefix') throw new UsageError('--prefix N goes with --mask prefix');
    if (!/^\d+$/.test(prefix))
      throw new UsageError(`--prefix must be a non-negative integer (got "${prefix}")`);
    request.options.prefix = Number(prefix);
  }
  const temperature = values.get('--temperature');
  if (temperature !== undefined) {
    const t = Number(temperature);
    if (temperature.trim() === '' || !Number.isFinite(t) || t <= 0)
      throw new UsageError(`--temperature must be a number > 0 (got "${temperature}")`);
    request.options.temperature = t;
  }
  return request;
}
