// The hatching that marks blocked (masked) cells: black and white diagonal lines, visible on any colour
// and without colour at all.

/** An SVG <pattern> of diagonal stripes; use as fill="url(#id)". */
export function HatchPattern({ id, size = 6 }: { id: string; size?: number }) {
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={size} height={size} fill="rgba(255,255,255,0.35)" />
      <line x1={0} y1={0} x2={0} y2={size} stroke="#000" strokeWidth={size / 3} />
      <line x1={size / 2} y1={0} x2={size / 2} y2={size} stroke="#fff" strokeWidth={size / 6} />
    </pattern>
  );
}
