// Colour scales for every panel: viridis/cividis for weights in [0, 1], RdBu centred at 0 for signed
// values. One 256-entry lookup table per scale, so the canvas, the legend and the tooltip swatch all
// show exactly the same colour for a value (d3's viridis is itself a 256-colour ramp).
import { interpolateCividis, interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { scaleLinear } from 'd3-scale';
import { rgb } from 'd3-color';

export type ScaleName = 'viridis' | 'cividis' | 'RdBu' | 'blocked';
export const LUT_SIZE = 256;

/** A colour scale: domain [lo, hi] mapped linearly onto a 256-colour table. */
export interface ColourScale {
  readonly name: ScaleName;
  readonly kind: 'sequential' | 'diverging';
  readonly domain: readonly [number, number];
  /** RGB bytes, LUT_SIZE × 3. */
  readonly lut: Uint8Array;
  /** Index into the table for a value (clamped; NaN gives -1). */
  index(v: number): number;
  /** [r, g, b] of a value. */
  rgb(v: number): [number, number, number];
  /** CSS colour of a value. */
  css(v: number): string;
  /** Tick values for the legend. */
  ticks(count?: number): number[];
}

const interpolators: Record<ScaleName, (t: number) => string> = {
  viridis: interpolateViridis,
  cividis: interpolateCividis,
  RdBu: interpolateRdBu,
  // Not a data scale: allowed (0) is white, blocked (1) is the neutral grey under the hatching.
  blocked: (t) => (t < 0.5 ? '#ffffff' : '#9a9a9a'),
};

const lutCache = new Map<ScaleName, Uint8Array>();

/** The 256-colour table of an interpolator, sampled at the centre of each bin. */
export function colourTable(name: ScaleName): Uint8Array {
  let lut = lutCache.get(name);
  if (!lut) {
    lut = new Uint8Array(LUT_SIZE * 3);
    const interpolate = interpolators[name];
    for (let i = 0; i < LUT_SIZE; i++) {
      const c = rgb(interpolate((i + 0.5) / LUT_SIZE));
      lut[i * 3] = c.r;
      lut[i * 3 + 1] = c.g;
      lut[i * 3 + 2] = c.b;
    }
    lutCache.set(name, lut);
  }
  return lut;
}

/** Maps t in [0, 1] to a bin of the table, as d3's ramp does: floor(t·n), clamped. */
export function binOf(t: number): number {
  if (Number.isNaN(t)) return -1;
  const i = Math.floor(t * LUT_SIZE);
  return i < 0 ? 0 : i >= LUT_SIZE ? LUT_SIZE - 1 : i;
}

function makeScale(name: ScaleName, kind: ColourScale['kind'], lo: number, hi: number): ColourScale {
  const lut = colourTable(name);
  const span = hi - lo || 1;
  const index = (v: number) => binOf((v - lo) / span);
  const rgbOf = (v: number): [number, number, number] => {
    const i = index(v);
    if (i < 0) return [128, 128, 128];
    return [lut[i * 3], lut[i * 3 + 1], lut[i * 3 + 2]];
  };
  return {
    name,
    kind,
    domain: [lo, hi],
    lut,
    index,
    rgb: rgbOf,
    css: (v) => {
      const [r, g, b] = rgbOf(v);
      return `rgb(${r}, ${g}, ${b})`;
    },
    ticks: (count = 5) => scaleLinear().domain([lo, hi]).ticks(count),
  };
}

/** Weights (or any value in [lo, hi], default [0, 1]) on viridis or cividis. */
export function sequentialScale(
  name: 'viridis' | 'cividis' = 'viridis',
  domain: readonly [number, number] = [0, 1],
): ColourScale {
  return makeScale(name, 'sequential', domain[0], domain[1]);
}

/** A boolean mask: 0 = allowed (white), 1 = blocked (neutral grey, drawn hatched) — the one colour
 *  "blocked" has everywhere, never a colour of a data scale. */
export function blockedScale(): ColourScale {
  return makeScale('blocked', 'sequential', 0, 1);
}

/** Signed values on RdBu, symmetric about 0 so that white means exactly 0 (negative red, positive blue). */
export function divergingScale(maxAbs: number): ColourScale {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  return makeScale('RdBu', 'diverging', -m, m);
}

/** The largest |value| (finite values only), for a symmetric diverging domain. */
export function maxAbsOf(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}

/** A "nice" symmetric bound for a diverging legend, e.g. 2.37 → 2.5. */
export function niceMaxAbs(values: ArrayLike<number>): number {
  const m = maxAbsOf(values);
  if (m === 0) return 1;
  const [, hi] = scaleLinear().domain([0, m]).nice(4).domain();
  return hi;
}

/** A "nice" upper bound for non-negative values (at most 1 for weights), e.g. 0.0172 → 0.02. */
export function niceMax(values: ArrayLike<number>): number {
  return Math.min(1, niceMaxAbs(values));
}

/** Whether dark or light text reads better on a background colour (WCAG relative luminance). */
export function textOn([r, g, b]: readonly [number, number, number]): '#000' | '#fff' {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return L > 0.179 ? '#000' : '#fff';
}
