// Illustration for lesson 7 (Cover's theorem as intuition): the four XOR points cannot be split by
// a line in the plane, but lifted with a third feature z = x₁·x₂ a flat plane (z = 0) separates them.
import { useId, useState } from 'react';

const POINTS = [
  { x: -1, y: -1 },
  { x: 1, y: 1 },
  { x: -1, y: 1 },
  { x: 1, y: -1 },
].map((p) => ({ ...p, z: p.x * p.y, cls: p.x * p.y > 0 ? 'A' : 'B' }));

function Marker({ cx, cy, cls }: { cx: number; cy: number; cls: string }) {
  // Shape as well as colour, so the classes never depend on colour alone.
  return cls === 'A' ? <circle cx={cx} cy={cy} r={9} className="cover-a" /> : <rect x={cx - 8} y={cy - 8} width={16} height={16} className="cover-b" />;
}

export function Cover() {
  const [angle, setAngle] = useState(35);
  const id = useId();
  const a = (angle * Math.PI) / 180;
  // Oblique projection of (x, y, z): rotate about the vertical axis, lift by z.
  const project = (x: number, y: number, z: number) => ({ px: 110 + 55 * (x * Math.cos(a) - y * Math.sin(a)), py: 120 - 45 * z + 18 * (x * Math.sin(a) + y * Math.cos(a)) });
  const corners = [
    [-1.4, -1.4],
    [1.4, -1.4],
    [1.4, 1.4],
    [-1.4, 1.4],
  ].map(([x, y]) => project(x, y, 0));
  return (
    <div className="cover" data-testid="cover">
      <div className="panel-controls">
        <label htmlFor={id}>Turn the lifted view: {angle}°</label>
        <input id={id} type="range" min={0} max={90} value={angle} onChange={(e) => setAngle(Number(e.target.value))} />
      </div>
      <svg viewBox="0 0 460 230" width="100%" role="img" aria-label="Left: four XOR points in the plane, circles at (−1,−1) and (1,1), squares at (−1,1) and (1,−1); no straight line separates circles from squares. Right: the same points lifted by z = x₁·x₂; circles rise to z = 1, squares sink to z = −1, and the flat plane z = 0 separates them.">
        <text x={10} y={16} className="svg-label">In the plane (x₁, x₂)</text>
        <line x1={20} x2={200} y1={120} y2={120} className="arrow" />
        <line x1={110} x2={110} y1={30} y2={210} className="arrow" />
        {POINTS.map((p, i) => (
          <Marker key={i} cx={110 + 60 * p.x} cy={120 - 60 * p.y} cls={p.cls} />
        ))}
        <g transform="translate(230,0)">
          <text x={0} y={16} className="svg-label">Lifted: z = x₁·x₂</text>
          <polygon points={corners.map((c) => `${c.px},${c.py}`).join(' ')} className="cover-plane" />
          {POINTS.map((p, i) => {
            const base = project(p.x, p.y, 0);
            const top = project(p.x, p.y, p.z);
            return (
              <g key={i}>
                <line x1={base.px} y1={base.py} x2={top.px} y2={top.py} className="arrow" strokeDasharray="3 3" />
                <Marker cx={top.px} cy={top.py} cls={p.cls} />
              </g>
            );
          })}
          <text x={0} y={222} className="svg-small">the plane z = 0 separates them</text>
        </g>
      </svg>
    </div>
  );
}
