// Architecture diagrams as block diagrams; the block of the current stage is highlighted and clicking
// (or Enter on) a block calls onSelectStage. One tab stop; arrow keys move between blocks.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { PanelFrame } from './PanelFrame';
import {
  architectureBlocks,
  residualsOf,
  type ArchKind,
  type ArchStage,
  type NormPlacement,
  type PositionalKind,
} from './architecture';
import { useThemeScale } from './useThemeScale';

export interface ArchitectureDiagramProps {
  arch: ArchKind;
  norm: NormPlacement;
  positional?: PositionalKind;
  /** Layers per stack, written as "× N". */
  nLayers?: number;
  nDecoderLayers?: number;
  currentStage?: ArchStage | null;
  onSelectStage?: (stage: ArchStage) => void;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

const FILL: Record<string, string> = {
  embed: '#fde2c4',
  attention: '#cfe3f7',
  norm: '#f3f0c0',
  ffn: '#d4eed9',
  residual: 'transparent',
  output: '#eadcf2',
};

/** An encoder-decoder, encoder-only or decoder-only block diagram, pre- or post-norm. */
export function ArchitectureDiagram(props: ArchitectureDiagramProps) {
  const blocks = useMemo(
    () => architectureBlocks(props.arch, props.norm, props.positional ?? 'sinusoidal'),
    [props.arch, props.norm, props.positional],
  );
  const selectable = useMemo(
    () => blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.id !== null),
    [blocks],
  );
  const [focus, setFocus] = useState(0);
  const refs = useRef<(SVGGElement | null)[]>([]);
  const k = useThemeScale();
  const fs = 12.5 * k;
  const bw = 236 * Math.min(k, 1.4);
  const bh = 30 * k;
  const gapY = 12 * k;
  const colX = [34 * k, 34 * k + bw + 100 * k];
  const top = fs * 2.2;
  const columns = props.arch === 'encoder-decoder' ? 2 : 1;
  const rows = Math.max(...blocks.map((b) => b.row)) + 1;
  const width = colX[columns - 1] + bw + 70 * k;
  const height = top + rows * (bh + gapY) + 10;
  const yOf = (row: number) => top + row * (bh + gapY);
  const title = props.title ?? `${props.arch} transformer (${props.norm}-norm)`;
  const move = (delta: number) => {
    const next = (focus + delta + selectable.length) % selectable.length;
    setFocus(next);
    refs.current[next]?.focus();
  };
  const layerSpan = (column: number) => {
    const rowsIn = blocks
      .filter(
        (b) =>
          (b.column === column && b.id !== null && /^(encoder|decoder)\./.test(b.id)) ||
          (b.column === column && b.kind === 'residual'),
      )
      .map((b) => b.row);
    return rowsIn.length ? [Math.min(...rowsIn), Math.max(...rowsIn)] : null;
  };
  const names =
    props.arch === 'encoder-decoder'
      ? ['Encoder', 'Decoder']
      : [props.arch === 'encoder-only' ? 'Encoder' : 'Decoder'];
  const nOf = (c: number) =>
    props.arch === 'encoder-decoder' && c === 1 ? (props.nDecoderLayers ?? props.nLayers) : props.nLayers;
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'architecture'}
      data={() => ({ arch: props.arch, norm: props.norm, blocks })}
    >
      <svg
        className="viz-svg"
        width={width}
        height={height}
        role="group"
        aria-label={`${title}. Arrow keys move between blocks; Enter selects one.`}
        style={{ fontSize: fs }}
      >
        <defs>
          <marker
            id="arch-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--fg)" />
          </marker>
        </defs>
        {names.map((name, c) => {
          const span = layerSpan(c);
          return (
            <g key={name}>
              <text x={colX[c] + bw / 2} y={fs * 1.2} textAnchor="middle" className="viz-axis-title">
                {name}
              </text>
              {span && (
                <>
                  <rect
                    x={colX[c] - 24 * k}
                    y={yOf(span[0]) - 6}
                    width={bw + 32 * k}
                    height={yOf(span[1]) - yOf(span[0]) + bh + 12}
                    rx={10}
                    fill="none"
                    stroke="var(--muted)"
                    strokeDasharray="4 3"
                  />
                  <text x={colX[c] + bw + 12 * k} y={yOf(span[1]) + bh} className="viz-muted">
                    × {nOf(c) ?? 'N'}
                  </text>
                </>
              )}
            </g>
          );
        })}
        {blocks.map((b, i) => {
          const next = blocks[i + 1];
          if (!next || next.column !== b.column) return null;
          return (
            <line
              key={`a${i}`}
              x1={colX[b.column] + bw / 2}
              x2={colX[b.column] + bw / 2}
              y1={yOf(b.row) + bh}
              y2={yOf(next.row) - 1}
              stroke="var(--fg)"
              strokeWidth={1.5 * k}
              markerEnd="url(#arch-arrow)"
            />
          );
        })}
        {residualsOf(blocks).map((r, i) => {
          const x = colX[r.column];
          const y1 = yOf(r.fromRow) - gapY / 2;
          const y2 = yOf(r.toRow) + bh / 2;
          const xl = x - 14 * k;
          return (
            <path
              key={`res${i}`}
              d={`M ${x + bw / 2} ${y1} H ${xl} V ${y2} H ${x - 1}`}
              fill="none"
              stroke="var(--muted)"
              strokeWidth={1.5 * k}
              strokeDasharray="3 2"
              markerEnd="url(#arch-arrow)"
              data-testid="residual"
            />
          );
        })}
        {props.arch === 'encoder-decoder' &&
          (() => {
            const encLast = Math.max(...blocks.filter((b) => b.column === 0).map((b) => b.row));
            const cross = blocks.find((b) => b.id === 'decoder.crossAttention');
            if (!cross) return null;
            const x1 = colX[0] + bw;
            const y1 = yOf(encLast) + bh / 2;
            return (
              <path
                d={`M ${x1} ${y1} C ${x1 + 50 * k} ${y1}, ${colX[1] - 50 * k} ${yOf(cross.row) + bh / 2}, ${colX[1]} ${yOf(cross.row) + bh / 2}`}
                fill="none"
                stroke="var(--fg)"
                strokeWidth={1.5 * k}
                markerEnd="url(#arch-arrow)"
                data-testid="memory-arrow"
              />
            );
          })()}
        {blocks.map((b, i) => {
          const x = colX[b.column];
          const y = yOf(b.row);
          if (b.id === null)
            return (
              <text
                key={i}
                x={x + bw / 2}
                y={y + bh / 2}
                textAnchor="middle"
                dominantBaseline="central"
                className="viz-muted"
              >
                {b.label}
              </text>
            );
          const si = selectable.findIndex((s) => s.i === i);
          const current = props.currentStage === b.id;
          return (
            <g
              key={i}
              ref={(el) => {
                refs.current[si] = el;
              }}
              className="viz-arch-block"
              role="button"
              tabIndex={si === focus ? 0 : -1}
              aria-label={`${b.label}${current ? ' ◀ now (current stage)' : ''}`}
              aria-current={current ? 'step' : undefined}
              data-current={current}
              data-stage={b.id}
              data-testid={`arch-${b.id}`}
              onClick={() => {
                setFocus(si);
                props.onSelectStage?.(b.id as string);
              }}
              onFocus={() => setFocus(si)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(1);
                else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(-1);
                else if (e.key === 'Enter' || e.key === ' ') props.onSelectStage?.(b.id as string);
                else return;
                e.preventDefault();
              }}
            >
              <rect x={x} y={y} width={bw} height={bh} rx={6} fill={FILL[b.kind]} />
              <text
                x={x + bw / 2}
                y={y + bh / 2}
                textAnchor="middle"
                dominantBaseline="central"
                style={{ fill: '#111' }}
              >
                {b.label}
              </text>
              {current && (
                <text
                  x={x + bw + 12 * k}
                  y={y + bh / 2}
                  textAnchor="start"
                  dominantBaseline="central"
                  style={{ fontWeight: 700 }}
                >
                  ◀ now
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </PanelFrame>
  );
}
