// A colour legend with numbers: a gradient bar drawn from the scale's own colour table, with ticks,
// and (when a map has blocked cells) a hatched swatch labelled "blocked".
import { useId } from 'react';
import { LUT_SIZE, type ColourScale } from './scales';
import { formatValue } from './format';
import { HatchPattern } from './HatchPattern';

export interface LegendProps {
  scale: ColourScale;
  title: string;
  width?: number;
  fontSize?: number;
  showBlocked?: boolean;
}

/** The legend of a colour scale (SVG, so it is part of exported figures). */
export function Legend({ scale, title, width = 240, fontSize = 12, showBlocked = false }: LegendProps) {
  const id = useId().replace(/:/g, '');
  const barH = Math.round(fontSize * 1.1);
  const blockedW = showBlocked ? fontSize * 7 : 0;
  const barW = Math.max(80, width - blockedW);
  const [lo, hi] = scale.domain;
  const x = (v: number) => ((v - lo) / (hi - lo || 1)) * barW;
  let ticks = scale.ticks(Math.max(2, Math.min(5, Math.floor(barW / (fontSize * 4)))));
  if (ticks.length < 3) ticks = [lo, (lo + hi) / 2, hi]; // always label both ends
  const stops = [];
  for (let i = 0; i < LUT_SIZE; i += 8) {
    const l = i * 3;
    stops.push(
      <stop
        key={i}
        offset={`${((i + 0.5) / LUT_SIZE) * 100}%`}
        stopColor={`rgb(${scale.lut[l]}, ${scale.lut[l + 1]}, ${scale.lut[l + 2]})`}
      />,
    );
  }
  const height = fontSize * 1.4 + barH + fontSize * 1.5;
  const pad = fontSize * 1.5;
  return (
    <svg
      className="viz-legend"
      width={barW + blockedW + pad * 2}
      height={height}
      role="img"
      aria-label={`Colour legend for ${title}: ${scale.name}, from ${formatValue(lo)} to ${formatValue(hi)}`}
      data-testid="legend"
    >
      <defs>
        <linearGradient id={`${id}-g`}>{stops}</linearGradient>
        {showBlocked && <HatchPattern id={`${id}-h`} />}
      </defs>
      <g transform={`translate(${pad}, 0)`}>
        <text className="viz-legend-title" x={0} y={fontSize}>
          {title}
        </text>
        <rect
          x={0}
          y={fontSize * 1.4}
          width={barW}
          height={barH}
          fill={`url(#${id}-g)`}
          className="viz-legend-bar"
        />
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)}, ${fontSize * 1.4 + barH})`}>
            <line y2={4} className="viz-tick" />
            <text y={fontSize + 3} textAnchor="middle" className="viz-tick-label">
              {formatValue(t, Number.isInteger(t) ? 0 : Number.isInteger(t * 10) ? 1 : 2)}
            </text>
          </g>
        ))}
        {showBlocked && (
          <g transform={`translate(${barW + fontSize}, ${fontSize * 1.4})`}>
            <rect width={barH * 1.4} height={barH} fill={`url(#${id}-h)`} className="viz-blocked-swatch" />
            <text x={barH * 1.4 + 4} y={barH - 2} className="viz-tick-label">
              blocked
            </text>
          </g>
        )}
      </g>
    </svg>
  );
}
