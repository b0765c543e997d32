// The embed's parameters (`embed.html?widget=…&model=…&text=…`): parsed from the query string into a
// typed config. Nothing is trusted: unknown or malformed parameters fall back to defaults and each
// fallback yields a notice (plain text, never HTML) so an author sees what was ignored.
import { LESSONS } from '../lessons/catalog';
import type { ViewState } from '../store/urlCodec';
import { TRAIN_PARAM_KEYS } from '../tasks/trainSettings';
import { decodeView, encodeView } from '../store/urlCodec';

/** The widgets an embed can show, one per frame. */
export const WIDGETS = [
  'attention-heatmap',
  'attention-lines',
  'attention-steps',
  'attention-core',
  'mask',
  'positional-encoding',
  'rope',
  'architecture',
  'next-token',
  'lesson',
  'train',
] as const;
export type WidgetName = (typeof WIDGETS)[number];

export const THEMES = ['light', 'dark', 'auto'] as const;
export const CONTROLS = ['full', 'min', 'none'] as const;
export const MASKS = ['full', 'causal', 'prefix'] as const;
export const SHOWS = ['weights', 'scores'] as const;
export const STACKS = ['encoder', 'decoder'] as const;
export const ATTNS = ['selfAttention', 'crossAttention'] as const;

/** The view an embed sets (model, text, layer, …): the same fields as the app's URL view. */
export type EmbedView = Pick<ViewState, 'model' | 'text' | 'src' | 'tgt' | 'layer' | 'head' | 'mask' | 'prefix' | 'ablate'>;

export interface EmbedConfig extends EmbedView {
  widget: WidgetName;
  /** Which stack the attention widgets read (default the model's last), and self- or cross-attention. */
  stack?: (typeof STACKS)[number];
  attn?: (typeof ATTNS)[number];
  /** Lesson step (lesson widget) or stage (attention-steps, attention-core), 1-based. */
  step?: number;
  /** The lesson slug of the `lesson` widget. */
  lesson: string;
  /** Weights or scores (attention-heatmap). */
  show: (typeof SHOWS)[number];
  theme: (typeof THEMES)[number];
  controls: (typeof CONTROLS)[number];
}

export interface ParsedEmbed {
  config: EmbedConfig;
  /** One plain-text line per ignored or corrected parameter. */
  notices: string[];
}

export const MAX_TEXT = 2000;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KNOWN = new Set(['widget', 'model', 'text', 'src', 'tgt', 'layer', 'head', 'mask', 'prefix', 'stack', 'attn', 'step', 'ablate', 'lesson', 'show', 'theme', 'controls', ...TRAIN_PARAM_KEYS]);
/** Longest parameter value quoted back in a notice (the rest is cut off). */
const QUOTE = 40;

/** A value as it may be quoted in a notice: short, control characters removed. */
export function quote(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, '');
  return clean.length > QUOTE ? `${clean.slice(0, QUOTE)}…` : clean;
}

/** A natural number within [min, max] written as plain digits, or undefined. */
export function parseIntParam(raw: string, min: number, max: number): number | undefined {
  if (!/^\d{1,6}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], raw: string): T | undefined {
  return (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** Parses an embed's query string (`location.search`) into a config and notices. Never throws. */
export function parseEmbedParams(search: string | URLSearchParams): ParsedEmbed {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const notices: string[] = [];
  const config: EmbedConfig = { widget: 'attention-heatmap', lesson: LESSONS[0].slug, show: 'weights', theme: 'auto', controls: 'full' };

  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!KNOWN.has(key)) notices.push(`Unknown parameter “${quote(key)}” ignored.`);
    else if (params.getAll(key).length > 1) notices.push(`Parameter “${key}” given more than once: the first value is used.`);
  }
  const get = (k: string) => params.get(k);

  const widget = get('widget');
  if (widget === null) notices.push(`No widget named: showing ${config.widget}.`);
  else {
    const w = oneOf(WIDGETS, widget);
    if (w) config.widget = w;
    else notices.push(`Unknown widget “${quote(widget)}”: showing ${config.widget}. Widgets: ${WIDGETS.join(', ')}.`);
  }

  const model = get('model');
  if (model !== null) {
    if (MODEL_NAME.test(model)) config.model = model;
    else notices.push(`Model name “${quote(model)}” is not valid: using the default model.`);
  }

  for (const k of ['text', 'src', 'tgt'] as const) {
    const raw = get(k);
    if (raw === null) continue;
    const clean = raw.split(String.fromCharCode(0)).join('');
    if (clean.length > MAX_TEXT) notices.push(`Parameter “${k}” cut to ${MAX_TEXT} characters.`);
    config[k] = clean.slice(0, MAX_TEXT);
  }

  const ablate = get('ablate');
  if (ablate !== null) {
    // The app's own parser (the URL codec): heads as STACK.LAYER.HEAD, comma-separated.
    const heads = decodeView(new URLSearchParams({ ablate })).ablate;
    if (heads) config.ablate = heads;
    else notices.push(`Parameter “ablate” must list heads such as decoder.1.0 or decoder.0.cross.1, not “${quote(ablate)}”: no head is knocked out.`);
  }

  const ints: [key: 'layer' | 'head' | 'prefix' | 'step', min: number, max: number][] = [
    ['layer', 0, 63],
    ['head', 0, 63],
    ['prefix', 0, 4096],
    ['step', 1, 999],
  ];
  for (const [k, min, max] of ints) {
    const raw = get(k);
    if (raw === null) continue;
    const n = parseIntParam(raw, min, max);
    if (n === undefined) notices.push(`Parameter “${k}” must be a whole number from ${min} to ${max}, not “${quote(raw)}”: using the default.`);
    else config[k] = n;
  }

  const choices: [key: 'mask' | 'stack' | 'attn' | 'show' | 'theme' | 'controls', allowed: readonly string[]][] = [
    ['mask', MASKS],
    ['stack', STACKS],
    ['attn', ATTNS],
    ['show', SHOWS],
    ['theme', THEMES],
    ['controls', CONTROLS],
  ];
  for (const [k, allowed] of choices) {
    const raw = get(k);
    if (raw === null) continue;
    if (allowed.includes(raw)) (config as unknown as Record<string, string>)[k] = raw;
    else notices.push(`Parameter “${k}” must be one of ${allowed.join(', ')}, not “${quote(raw)}”: using the default.`);
  }

  const lesson = get('lesson');
  if (lesson !== null) {
    if (LESSONS.some((l) => l.slug === lesson)) config.lesson = lesson;
    else notices.push(`Unknown lesson “${quote(lesson)}”: showing “${config.lesson}”.`);
  }
  return { config, notices };
}

/** The query string for a config: only what differs from the defaults, in a stable order. */
export function embedQuery(config: Partial<EmbedConfig> & { widget: WidgetName }): string {
  const out = new URLSearchParams();
  out.set('widget', config.widget);
  if (config.widget === 'lesson' && config.lesson) out.set('lesson', config.lesson);
  for (const k of ['model', 'text', 'src', 'tgt', 'stack', 'attn', 'layer', 'head', 'mask', 'prefix', 'step'] as const) {
    const v = config[k];
    if (v !== undefined && v !== '') out.set(k, String(v));
  }
  if (config.ablate?.length) out.set('ablate', encodeView({ ablate: config.ablate }).get('ablate')!);
  if (config.show && config.show !== 'weights') out.set('show', config.show);
  if (config.theme && config.theme !== 'auto') out.set('theme', config.theme);
  if (config.controls && config.controls !== 'full') out.set('controls', config.controls);
  return out.toString();
}
