// The hatching that marks blocked (masked) cells: neutral grey with dark and white diagonal lines,
// opaque, so "blocked" looks the same on every map and is never mistaken for a colour of a data scale.

/** An SVG <pattern> of diagonal stripes; use as fill="url(#id)". */
export function HatchPattern({ id, size = 6 }: { id: string; size?: number }) {
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={size} height={size} fill="#9a9a9a" />
      <line x1={0} y1={0} x2={0} y2={size} stroke="#333" strokeWidth={size / 3} />
      <line x1={size / 2} y1={0} x2={size / 2} y2={size} stroke="#fff" strokeWidth={size / 6} />
    </pattern>
  );
}
