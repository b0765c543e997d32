// Lesson 7: the gated feed-forward of modern models (SwiGLU), drawn: two projections of the same
// input, one through Swish, multiplied element by element, then projected back. An illustration
// with made-up inputs: none of the shipped models uses a gate.
import { useId, useState } from 'react';
import './widgets.css';

const swish = (z: number) => z / (1 + Math.exp(-z)); // z·σ(z), also called SiLU
const relu = (z: number) => Math.max(0, z);
const W = 320;
const H = 160;
const X0 = -4;
const X1 = 4;
const sx = (z: number) => ((z - X0) / (X1 - X0)) * W;
const sy = (v: number) => H / 2 - v * (H / 10);
const path = (f: (z: number) => number) => Array.from({ length: 81 }, (_, i) => X0 + (i * (X1 - X0)) / 80).map((z, i) => `${i ? 'L' : 'M'}${sx(z).toFixed(1)},${sy(f(z)).toFixed(1)}`).join('');

export function SwiGlu() {
  const [gate, setGate] = useState(1);
  const id = useId();
  return (
    <div data-panel-ready="true" data-testid="swiglu">
      <div className="widget-controls">
        <label htmlFor={id}>
          gate value <span className="mono">xV = {gate.toFixed(1)}</span>
        </label>
        <input id={id} type="range" min={-2} max={2} step={0.1} value={gate} onChange={(e) => setGate(Number(e.target.value))} />
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W * 1.6 }} role="img" aria-label={`ReLU, Swish and Swish times a gate of ${gate.toFixed(1)}, for inputs from −4 to 4`}>
        <line x1={0} x2={W} y1={sy(0)} y2={sy(0)} stroke="var(--muted)" />
        <line x1={sx(0)} x2={sx(0)} y1={0} y2={H} stroke="var(--muted)" />
        <path d={path(relu)} fill="none" stroke="var(--muted)" strokeWidth={2} strokeDasharray="5 3" />
        <path d={path(swish)} fill="none" stroke="var(--fg)" strokeWidth={2} />
        <path d={path((z) => swish(z) * gate)} fill="none" stroke="var(--accent)" strokeWidth={3} />
      </svg>
      <p className="pg-muted">
        Dashed: ReLU. Thin: Swish(z) = z·σ(z). Thick: Swish(xW) × (xV), the gated unit, for one hidden unit whose gate input xV is set by the slider. A gate of
        0 switches the unit off whatever z is; a negative gate flips it.
      </p>
    </div>
  );
}
