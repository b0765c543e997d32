// A vector of dModel numbers as a strip of RdBu cells (blue negative, red positive), with its range
// in words for screen readers and under the strip.
import { divergingScale, maxAbsOf } from '../scales';
import { formatValue } from '../format';

export function VectorStrip({ values, label }: { values: ArrayLike<number>; label: string }) {
  const m = maxAbsOf(values);
  const scale = divergingScale(m);
  const n = values.length;
  const cell = Math.max(2, Math.min(8, Math.floor(384 / Math.max(1, n))));
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  return (
    <figure style={{ margin: '0.2rem 0' }}>
      <svg width={n * cell} height={14} role="img" aria-label={`${label}: ${n} numbers from ${formatValue(lo)} to ${formatValue(hi)}`}>
        {Array.from({ length: n }, (_, i) => (
          <rect key={i} x={i * cell} y={0} width={cell} height={14} fill={scale.css(values[i])} />
        ))}
      </svg>
      <figcaption className="pg-muted" style={{ fontSize: '0.8rem' }}>
        {label}: {n} numbers, {formatValue(lo)} (blue) … {formatValue(hi)} (red); white = 0, scale ±{formatValue(m)}
      </figcaption>
    </figure>
  );
}
