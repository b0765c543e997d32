// Token lines (BertViz's head view): queries on the left, keys on the right, one line per (query, key)
// with opacity = weight, one colour and dash pattern per head. Self- and cross-attention.
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Tensor } from '../model/tensor';
import { argmax } from '../model/sample';
import { PanelFrame } from './PanelFrame';
import { CellTable } from './CellTable';
import { sequentialScale } from './scales';
import { formatValue, shortLabel } from './format';
import { headCount, headMatrix, matrixRows } from './tensorView';
import { useThemeScale } from './useThemeScale';

/** Okabe–Ito colours (colour-blind safe), one per head; heads also differ by dash pattern. */
export const HEAD_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#E69F00',
  '#000000',
  '#882255',
];
export const HEAD_DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '3 6'];

export interface TokenLinesProps {
  /** Weights [nHeads, Sq, Sk]. */
  weights: Tensor;
  queryTokens: readonly string[];
  keyTokens: readonly string[];
  /** 'self' (queries and keys from one sequence) or 'cross' (queries from the decoder, keys from the encoder). */
  kind?: 'self' | 'cross';
  /** Heads shown at first (default all). */
  heads?: readonly number[];
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** Lines from each query to each key, opacity = attention weight. */
export function TokenLines(props: TokenLinesProps) {
  const { weights, queryTokens, keyTokens, kind = 'self' } = props;
  const nHeads = headCount(weights);
  const [shown, setShown] = useState<readonly number[]>(
    props.heads ?? Array.from({ length: nHeads }, (_, h) => h),
  );
  const [active, setActive] = useState<number | null>(null);
  const [focus, setFocus] = useState(0);
  const [asTable, setAsTable] = useState(false);
  const id = useId().replace(/:/g, '');
  const k = useThemeScale();
  const fontSize = 13 * k;
  const rowH = Math.round(24 * k);
  const labelW =
    Math.max(
      ...[...queryTokens, ...keyTokens].map((t) => shortLabel(t, 12).length),
      kind === 'cross' ? 17 : 7,
    ) *
      fontSize *
      0.62 +
    10;
  const gap = 220 * Math.min(k, 1.3);
  const top = fontSize * 2.4;
  const Sq = queryTokens.length;
  const Sk = keyTokens.length;
  const width = labelW * 2 + gap;
  const height = top + Math.max(Sq, Sk) * rowH + 8;
  const xL = labelW;
  const xR = labelW + gap;
  const y = (i: number) => top + (i + 0.5) * rowH;
  const heads = useMemo(
    () => Array.from({ length: nHeads }, (_, h) => headMatrix(weights, h)),
    [weights, nHeads],
  );
  const title =
    props.title ??
    (kind === 'cross' ? 'Cross-attention: decoder queries → encoder keys' : 'Self-attention: token lines');
  const describe = (i: number) => {
    const parts = shown.map((h) => {
      const m = heads[h];
      const best = argmax(m.values, i * m.cols, m.cols);
      return `head ${h} looks most at key ‘${keyTokens[best]}’ (${formatValue(m.values[i * m.cols + best])})`;
    });
    return `query ‘${queryTokens[i]}’: ${parts.join('; ') || 'no head shown'}`;
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    let next: number;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = Math.min(Sq - 1, focus + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = Math.max(0, focus - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = Sq - 1;
    else if (e.key === 'Escape') {
      setActive(null);
      return;
    } else return;
    e.preventDefault();
    setFocus(next);
    setActive(next);
  };
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'token-lines'}
      data={() => ({ kind, queryTokens, keyTokens, heads: heads.map(matrixRows) })}
    >
      <div className="viz-toolbar" role="group" aria-label="Heads shown">
        {Array.from({ length: nHeads }, (_, h) => (
          <label key={h}>
            <input
              type="checkbox"
              checked={shown.includes(h)}
              onChange={(e) =>
                setShown((s) =>
                  e.target.checked ? [...s, h].sort((a, b) => a - b) : s.filter((x) => x !== h),
                )
              }
              data-testid={`head-toggle-${h}`}
            />
            <svg width={28} height={10} aria-hidden="true">
              <line
                x1={0}
                y1={5}
                x2={28}
                y2={5}
                stroke={HEAD_COLOURS[h % 8]}
                strokeWidth={3}
                strokeDasharray={HEAD_DASHES[h % 8]}
              />
            </svg>
            head {h}
          </label>
        ))}
        <button
          type="button"
          className="btn viz-btn"
          aria-pressed={asTable}
          onClick={() => setAsTable((t) => !t)}
          data-testid="table-toggle"
        >
          Show as table
        </button>
      </div>
      {asTable ? (
        shown.map((h) => (
          <CellTable
            key={h}
            values={heads[h].values}
            offset={0}
            digits={4}
            rows={Sq}
            cols={Sk}
            rowLabels={queryTokens}
            colLabels={keyTokens}
            rowTitle="Queries"
            colTitle="Keys"
            rowNoun="query"
            colNoun="key"
            scale={sequentialScale()}
            legendTitle="weight"
            label={`Head ${h}: weights, rows are queries, columns are keys`}
          />
        ))
      ) : (
        <div
          className="viz-lines"
          tabIndex={0}
          role="listbox"
          aria-label={`${title}. Arrow keys choose a query.`}
          aria-activedescendant={`${id}-q${focus}`}
          onKeyDown={onKeyDown}
          onFocus={() => setActive(focus)}
          onBlur={() => setActive(null)}
          data-testid="token-lines-focus"
        >
          {queryTokens.map((_, i) => (
            <div
              key={i}
              role="option"
              id={`${id}-q${i}`}
              aria-selected={i === focus}
              className="visually-hidden"
            >
              {describe(i)}
            </div>
          ))}
          <svg
            className="viz-svg"
            width={width}
            height={height}
            aria-hidden="true"
            style={{ fontSize }}
            onPointerLeave={() => setActive(null)}
          >
            <text x={xL} y={fontSize * 1.2} textAnchor="end" className="viz-axis-title">
              {kind === 'cross' ? 'Queries (decoder)' : 'Queries'}
            </text>
            <text x={xR} y={fontSize * 1.2} className="viz-axis-title">
              {kind === 'cross' ? 'Keys (encoder)' : 'Keys'}
            </text>
            <g data-testid="lines">
              {shown.map((h) => {
                const m = heads[h];
                const lines = [];
                for (let i = 0; i < Sq; i++) {
                  if (active !== null && i !== active) continue;
                  for (let j = 0; j < Sk; j++) {
                    const w = m.values[i * Sk + j];
                    if (w < 0.005) continue;
                    lines.push(
                      <line
                        key={`${i}-${j}`}
                        x1={xL + 6}
                        y1={y(i)}
                        x2={xR - 6}
                        y2={y(j)}
                        stroke={HEAD_COLOURS[h % 8]}
                        strokeOpacity={w}
                        strokeWidth={2.5 * k}
                        strokeDasharray={HEAD_DASHES[h % 8]}
                        data-weight={w}
                      />,
                    );
                  }
                }
                return <g key={h}>{lines}</g>;
              })}
            </g>
            {queryTokens.map((t, i) => (
              <text
                key={i}
                x={xL}
                y={y(i)}
                textAnchor="end"
                dominantBaseline="central"
                fontWeight={active === i ? 700 : 400}
                onPointerEnter={() => {
                  setActive(i);
                  setFocus(i);
                }}
                style={{ cursor: 'pointer' }}
              >
                {shortLabel(t, 12)}
              </text>
            ))}
            {keyTokens.map((t, j) => (
              <text key={j} x={xR} y={y(j)} dominantBaseline="central">
                {shortLabel(t, 12)}
              </text>
            ))}
          </svg>
        </div>
      )}
      <p className="viz-desc">
        Line opacity is the attention weight; hover or focus a query to see only its lines.
      </p>
    </PanelFrame>
  );
}
