// The attention core, live: X → W_Q, W_K, W_V → Q, K, V of one head (one labelled row per token) →
// one query's q row against every k row (dot products as numbers and bars) → ÷ √dHead → mask →
// softmax (weights as bars that sum to 1) → every v row scaled by its weight and summed into the
// query's output row, checked against the traced head output. Step forward and back through the
// stages (each with its formula); hovering or focusing explains a number; "Show as table" lists them.
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Tensor } from '../../model/tensor';
import { PanelFrame } from '../PanelFrame';
import { HatchPattern } from '../HatchPattern';
import { Legend } from '../Legend';
import { divergingScale, niceMaxAbs } from '../scales';
import { formatValue } from '../format';
import { headMatrix } from '../tensorView';
import { coreQuery, distinctLabels, headRow, type CoreKey, type CoreTensors } from './attentionCore';
import { ROW_PX, ValueBar, VectorRows } from './VectorRows';
import './core.css';

export const CORE_STAGES = ['project', 'dot', 'scale', 'mask', 'softmax', 'sum'] as const;
export type CoreStage = (typeof CORE_STAGES)[number];

export const CORE_STAGE_NAMES: Record<CoreStage, string> = {
  project: 'X → Q, K, V',
  dot: 'q · k',
  scale: '÷ √dHead',
  mask: 'mask',
  softmax: 'softmax',
  sum: 'Σ weight · v',
};

/** LaTeX of each stage, for query i and key j of head h. */
export const CORE_FORMULAS: Record<CoreStage, string> = {
  project: 'Q_h = X W_Q^{(h)} + b_Q^{(h)},\\quad K_h = X W_K^{(h)} + b_K^{(h)},\\quad V_h = X W_V^{(h)} + b_V^{(h)}',
  dot: 'q_i \\cdot k_j = \\sum_{c=1}^{d_{\\text{head}}} q_{i,c}\\, k_{j,c}',
  scale: '\\text{scores}_{ij} = \\frac{q_i \\cdot k_j}{\\sqrt{d_{\\text{head}}}}',
  mask: '\\text{scores}_{ij} + M_{ij},\\quad M_{ij} = -\\infty \\text{ if blocked, else } 0',
  softmax: "\\text{weights}_{ij} = \\frac{e^{\\text{scores}_{ij}}}{\\sum_{j'} e^{\\text{scores}_{ij'}}},\\quad \\sum_j \\text{weights}_{ij} = 1",
  sum: '\\text{head}_{h,i} = \\sum_j \\text{weights}_{ij}\\, v_j',
};

/** The same formulas in plain text, shown when no LaTeX renderer is passed (e.g. the gallery). */
export const CORE_FORMULAS_TEXT: Record<CoreStage, string> = {
  project: 'Q_h = X·W_Q(h) + b_Q(h),  K_h = X·W_K(h) + b_K(h),  V_h = X·W_V(h) + b_V(h)',
  dot: 'q_i · k_j = Σ_c q_i,c · k_j,c',
  scale: 'scores_ij = (q_i · k_j) / √dHead',
  mask: 'scores_ij + M_ij, M_ij = −∞ if blocked, else 0',
  softmax: 'weights_ij = exp(scores_ij) / Σ_j′ exp(scores_ij′);  Σ_j weights_ij = 1',
  sum: 'head_h,i = Σ_j weights_ij · v_j',
};

export interface AttentionCoreProps {
  attention: CoreTensors;
  /** The input X of the projections, [S, dModel] (the layer input; LayerNorm'd first in pre-norm models). */
  x?: Tensor;
  /** How X is named, e.g. "X = LayerNorm(layer input)". */
  xLabel?: string;
  queryTokens: readonly string[];
  keyTokens: readonly string[];
  head?: number;
  initialQuery?: number;
  initialStage?: CoreStage;
  /** Notes on where q and k come from (e.g. "q and k after RoPE"). */
  note?: ReactNode;
  /** Renders a LaTeX formula (the app passes KaTeX); the source is shown without it. */
  renderFormula?: (tex: string) => ReactNode;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

const f4 = (v: number) => formatValue(v, 4);

/** What one key contributes, in words (hover/focus detail and the screen-reader label). */
function explainKey(k: CoreKey, qLabel: string, kLabel: string, dHead: number): string {
  const w = f4(k.weight);
  const parts = [
    `q(${qLabel}) · k(${kLabel}) = sum of ${dHead} products = ${f4(k.dot)}`,
    `÷ √${dHead} = ${f4(k.scaled)}`,
    k.blocked ? 'blocked by the mask: −∞, weight 0' : `softmax weight ${w}`,
  ];
  if (!k.blocked) parts.push(`contributes ${w} × v(${kLabel}) to the output`);
  return parts.join('; ');
}

export function AttentionCore(props: AttentionCoreProps) {
  const a = props.attention;
  const [nHeads, Sq, dHead] = a.q.shape;
  const Sk = a.k.shape[1];
  const head = Math.min(props.head ?? 0, nHeads - 1);
  const [query, setQuery] = useState(() => Math.min(props.initialQuery ?? Sq - 1, Sq - 1));
  const [stage, setStage] = useState<CoreStage>(props.initialStage ?? 'project');
  const [asTable, setAsTable] = useState(false);
  const [detail, setDetail] = useState<string | null>(null);
  const id = useId().replace(/:/g, '');
  const qi = Math.min(query, Sq - 1);
  const qLabels = useMemo(() => distinctLabels(props.queryTokens.slice(0, Sq)), [props.queryTokens, Sq]);
  const kLabels = useMemo(() => distinctLabels(props.keyTokens.slice(0, Sk)), [props.keyTokens, Sk]);
  const c = useMemo(() => coreQuery(a, head, qi), [a, head, qi]);
  const qM = headMatrix(a.q, head);
  const kM = headMatrix(a.k, head);
  const vM = headMatrix(a.v, head);
  const sig = useMemo(
    () => divergingScale(niceMaxAbs([...qM.values, ...kM.values, ...vM.values])),
    [qM.values, kM.values, vM.values],
  );
  const xM = props.x ? headMatrix(props.x) : null;
  const xScale = useMemo(() => divergingScale(niceMaxAbs(props.x ? props.x.data : [1])), [props.x]);
  const dotMax = Math.max(...c.keys.map((k) => Math.abs(k.dot)), 1e-9);
  const scaledMax = dotMax / Math.sqrt(dHead);
  const contrib = useMemo(() => {
    const out = new Float32Array(Sk * dHead); // [Sk, dHead]
    c.keys.forEach((k, j) => out.set(k.contribution, j * dHead));
    return out;
  }, [c, Sk, dHead]);
  // The weighted rows are small next to V: they get their own scale (and legend) so they stay visible.
  const sumScale = useMemo(() => divergingScale(niceMaxAbs([...contrib, ...c.sum, ...c.traced])), [contrib, c]);
  const contribDetail = ({ row, col }: { row: number; col: number }) => {
    const w = f4(c.keys[row].weight);
    return `weight(${qName}→${kLabels[row]}) × v(${kLabels[row]})[${col}] = ${w} × ${f4(vM.values[row * dHead + col])} = ${f4(contrib[row * dHead + col])}`;
  };
  const stageIndex = CORE_STAGES.indexOf(stage);
  const reached = (s: CoreStage) => CORE_STAGES.indexOf(s) <= stageIndex;
  const cellW = Math.max(6, Math.min(14, Math.floor(224 / dHead)));
  const hatch = `${id}-hatch`;
  const qName = qLabels[qi];
  const formula = (s: CoreStage) =>
    props.renderFormula ? props.renderFormula(CORE_FORMULAS[s]) : <span className="core-formula-text">{CORE_FORMULAS_TEXT[s]}</span>;
  const vecHover = (name: string, m: { values: ArrayLike<number>; cols: number }, labels: readonly string[], how: string) =>
    (cell: { row: number; col: number } | null) =>
      setDetail(
        cell
          ? `${name}[${labels[cell.row]}, ${cell.col}] = ${f4(m.values[cell.row * m.cols + cell.col])} (${how})`
          : null,
      );
  const proj = (w: string) => `row of X times column ${head * dHead}…${head * dHead + dHead - 1} of ${w}, plus bias`;

  const stageNav = (
    <div className="core-nav">
      <div className="viz-toolbar">
        <button type="button" className="btn viz-btn" disabled={stageIndex === 0} onClick={() => setStage(CORE_STAGES[stageIndex - 1])} data-testid="core-back">
          ← Back
        </button>
        <button type="button" className="btn viz-btn" disabled={stageIndex === CORE_STAGES.length - 1} onClick={() => setStage(CORE_STAGES[stageIndex + 1])} data-testid="core-next">
          Next →
        </button>
        <label>
          Query token
          <select value={qi} onChange={(e) => setQuery(Number(e.target.value))} data-testid="core-query">
            {qLabels.map((l, i) => (
              <option key={i} value={i}>
                {i}: {l}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn viz-btn" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)} data-testid="table-toggle">
          Show as table
        </button>
      </div>
      <ol className="viz-stage-list" aria-label="Stages">
        {CORE_STAGES.map((s, i) => (
          <li key={s}>
            <button type="button" className="btn viz-btn" aria-current={s === stage ? 'step' : undefined} onClick={() => setStage(s)} data-testid={`core-stage-${s}`}>
              {i + 1}. {CORE_STAGE_NAMES[s]}
            </button>
          </li>
        ))}
      </ol>
      <div className="viz-formula core-formula" data-current="true" aria-live="polite" data-testid="core-formula">
        <span className="visually-hidden">Stage {stageIndex + 1} of {CORE_STAGES.length}: {CORE_STAGE_NAMES[stage]}. </span>
        {formula(stage)}
      </div>
    </div>
  );

  const tables = (
    <div className="core-tables" data-testid="core-tables">
      {([['Q', qM], ['K', kM], ['V', vM]] as const).map(([name, m]) => (
        <div className="viz-table-wrap" key={name} tabIndex={0} role="region" aria-label={`${name} of head ${head}`}>
          <table className="viz-table">
            <caption>{name} of head {head}: [S, dHead] = [{m.rows}, {m.cols}]</caption>
            <thead>
              <tr>
                <th scope="col">token</th>
                {Array.from({ length: m.cols }, (_, col) => (
                  <th scope="col" key={col}>{col}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: m.rows }, (_, r) => (
                <tr key={r}>
                  <th scope="row">{(name === 'Q' ? qLabels : kLabels)[r]}</th>
                  {Array.from({ length: m.cols }, (_, col) => (
                    <td key={col}>{f4(m.values[r * m.cols + col])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={`The computation for query ${qName}`}>
        <table className="viz-table" data-testid="core-key-table">
          <caption>Query ‘{qName}’ against every key, head {head}</caption>
          <thead>
            <tr>
              <th scope="col">key</th>
              <th scope="col">q·k</th>
              <th scope="col">÷ √{dHead}</th>
              <th scope="col">traced score</th>
              <th scope="col">mask</th>
              <th scope="col">weight</th>
            </tr>
          </thead>
          <tbody>
            {c.keys.map((k, j) => (
              <tr key={j}>
                <th scope="row">{kLabels[j]}</th>
                <td>{f4(k.dot)}</td>
                <td>{f4(k.scaled)}</td>
                <td>{f4(k.tracedScore)}</td>
                <td>{k.blocked ? 'blocked' : 'open'}</td>
                <td>{f4(k.weight)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label="The weighted sum">
        <table className="viz-table">
          <caption>Σ weight · v for ‘{qName}’ and the traced head output</caption>
          <tbody>
            <tr>
              <th scope="row">Σ weight · v</th>
              {Array.from(c.sum, (v, col) => <td key={col}>{f4(v)}</td>)}
            </tr>
            <tr>
              <th scope="row">traced</th>
              {Array.from(c.traced, (v, col) => <td key={col}>{f4(v)}</td>)}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );

  const figure = (
    <div className="core-figure" data-row-px={ROW_PX}>
      <section className="viz-stage core-stage" data-current={stage === 'project'} aria-label="Projections" data-testid="core-project">
        <h4 className="viz-subtitle">1. Three projections of the same input</h4>
        <div className="core-flow">
          {xM && (
            <div className="core-block">
              <p className="viz-shape">{props.xLabel ?? 'X'} [S, dModel] = [{xM.rows}, {xM.cols}]</p>
              <VectorRows values={xM.values} rows={xM.rows} cols={xM.cols} rowLabels={qLabels} scale={xScale} cellW={Math.max(4, Math.min(10, Math.floor(448 / xM.cols)))} block={dHead} highlightRow={qi} label={`${props.xLabel ?? 'X'}: one row of ${xM.cols} numbers per token`} onHover={vecHover('X', xM, qLabels, 'the layer input')} testId="core-x" />
            </div>
          )}
          <div className="core-qkv">
            {([['Q', qM, 'W_Q', qLabels], ['K', kM, 'W_K', kLabels], ['V', vM, 'W_V', kLabels]] as const).map(([name, m, w, labels]) => (
              <div className="core-block" key={name} data-testid={`core-${name.toLowerCase()}`}>
                <p className="viz-shape">
                  · {w} → {name} of head {head} [S, dHead] = [{m.rows}, {m.cols}]
                </p>
                <VectorRows values={m.values} rows={m.rows} cols={m.cols} rowLabels={labels} scale={sig} cellW={cellW} highlightRow={name === 'Q' ? qi : undefined} label={`${name} of head ${head}: one row of ${m.cols} numbers per token`} onHover={vecHover(name.toLowerCase(), m, labels, proj(w))} testId={`core-${name.toLowerCase()}-rows`} />
              </div>
            ))}
          </div>
        </div>
        {props.note && <p className="viz-desc">{props.note}</p>}
      </section>

      <section className="viz-stage core-stage" data-current={stage !== 'project' && stage !== 'sum'} aria-label={`Query ${qName} against every key`} data-testid="core-keys">
        <h4 className="viz-subtitle">2. Query ‘{qName}’ against every key</h4>
        <div className="core-block">
          <p className="viz-shape">q of ‘{qName}’ [dHead] = [{dHead}]</p>
          <VectorRows values={c.qRow} rows={1} cols={dHead} rowLabels={[qName]} scale={sig} cellW={cellW} label={`q of ${qName}`} onHover={vecHover('q', { values: c.qRow, cols: dHead }, [qName], proj('W_Q'))} />
        </div>
        <div className="viz-scroll" tabIndex={0} role="region" aria-label="Keys, dot products, scores and weights">
          <table className="core-keys" data-testid="core-key-rows">
            <thead>
              <tr>
                <th scope="col">key</th>
                <th scope="col">k row</th>
                <th scope="col" data-current={stage === 'dot'}>q · k</th>
                <th scope="col" data-current={stage === 'scale'}>÷ √{dHead}</th>
                <th scope="col" data-current={stage === 'mask'}>mask</th>
                <th scope="col" data-current={stage === 'softmax'}>weight</th>
              </tr>
            </thead>
            <tbody>
              {c.keys.map((k, j) => {
                const text = explainKey(k, qName, kLabels[j], dHead);
                const weight = k.weight;
                return (
                  <tr key={j} data-testid="core-key-row" data-blocked={k.blocked}>
                    <th scope="row">
                      <button type="button" className="core-key-btn" aria-label={`${kLabels[j]}: ${text}`} onFocus={() => setDetail(text)} onPointerEnter={() => setDetail(text)} onClick={() => setDetail(text)}>
                        {kLabels[j]}
                      </button>
                    </th>
                    <td>
                      <VectorRows values={headRow(a.k, head, j)} rows={1} cols={dHead} rowLabels={['']} labelWidth={2} scale={sig} cellW={Math.max(4, Math.floor(cellW * 0.5))} label={`k of ${kLabels[j]}`} />
                    </td>
                    <td className="core-num" data-current={stage === 'dot'}>
                      {reached('dot') && (
                        <>
                          <span>{formatValue(k.dot, 3)}</span> <ValueBar value={k.dot} max={dotMax} width={56} signed />
                        </>
                      )}
                    </td>
                    <td className="core-num" data-current={stage === 'scale'}>
                      {reached('scale') && (
                        <>
                          <span>{formatValue(k.scaled, 3)}</span> <ValueBar value={k.scaled} max={scaledMax} width={56} signed />
                        </>
                      )}
                    </td>
                    <td className="core-num" data-current={stage === 'mask'}>
                      {reached('mask') &&
                        (k.blocked ? (
                          <span className="core-blocked">
                            <svg width={18} height={14} aria-hidden="true" className="viz-svg">
                              <defs>
                                <HatchPattern id={`${hatch}-${j}`} size={5} />
                              </defs>
                              <rect width={18} height={14} className="core-blocked-swatch" />
                              <rect width={18} height={14} fill={`url(#${hatch}-${j})`} />
                            </svg>{' '}
                            −∞
                          </span>
                        ) : (
                          <span>open</span>
                        ))}
                    </td>
                    <td className="core-num" data-current={stage === 'softmax'}>
                      {reached('softmax') && (
                        <>
                          <span data-testid="core-weight">{formatValue(weight, 3)}</span> <ValueBar value={weight} max={1} width={64} />
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            {reached('softmax') && (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={5}>Σ weights</th>
                  <td className="core-num" data-testid="core-weight-sum">{formatValue(c.weightSum, 4)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      </section>

      <section className="viz-stage core-stage" data-current={stage === 'sum'} aria-label="Weighted sum of values" data-testid="core-sum">
        <h4 className="viz-subtitle">3. Every v row scaled by its weight, summed into the output of ‘{qName}’</h4>
        <div className="core-flow">
          <div className="core-block">
            <p className="viz-shape">V of head {head}</p>
            <VectorRows values={vM.values} rows={vM.rows} cols={vM.cols} rowLabels={kLabels} scale={sig} cellW={cellW} label={`V of head ${head}`} onHover={vecHover('v', vM, kLabels, proj('W_V'))} />
          </div>
          <div className="core-arrow" aria-hidden="true">× weight →</div>
          <div className="core-block">
            <p className="viz-shape">weight × v, one row per key</p>
            <VectorRows values={contrib} rows={Sk} cols={dHead} rowLabels={c.keys.map(({ weight }, j) => `${formatValue(weight, 2)}×${kLabels[j]}`)} labelWidth={96} scale={sumScale} cellW={cellW} label={`Each value row scaled by its weight for query ${qName}`} onHover={(cell) => setDetail(cell ? contribDetail(cell) : null)} testId="core-contrib" />
          </div>
        </div>
        <div className="core-block">
          <p className="viz-shape">Σ → output row of ‘{qName}’ [dHead], and the model’s own head output</p>
          <VectorRows values={[...c.sum, ...c.traced]} rows={2} cols={dHead} rowLabels={['Σ w·v', 'traced']} scale={sumScale} cellW={cellW} label={`The weighted sum for ${qName} and the traced head output`} onHover={(cell) => setDetail(cell ? (cell.row === 0 ? `Σ_j weight_j × v_j[${cell.col}] = ${f4(c.sum[cell.col])}` : `traced head output[${qName}, ${cell.col}] = ${f4(c.traced[cell.col])}`) : null)} testId="core-sum-rows" />

        </div>
      </section>
    </div>
  );

  return (
    <PanelFrame
      title={props.title ?? `The attention core, head ${head}`}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'attention-core'}
      data={() => ({
        head,
        query: qi,
        queryToken: props.queryTokens[qi],
        keys: c.keys.map((k, j) => ({ token: props.keyTokens[j], dot: k.dot, score: k.tracedScore, blocked: k.blocked, weight: k.weight })),
        sum: Array.from(c.sum),
        headOutput: Array.from(c.traced),
      })}
    >
      <div className="core" data-stage={stage} data-query={qi} data-n-heads={nHeads}>
        {stageNav}
        <p className="core-detail" role="status" data-testid="core-detail">
          {detail ?? 'Hover a cell, or focus a key (Tab), to see its exact value and how it was computed.'}
        </p>
        {asTable ? tables : figure}
        <p className="pg-muted" data-testid="core-check" data-max-diff={c.maxDiff}>
            Largest difference between the sum and the traced head output: {c.maxDiff.toExponential(1)}
            {c.maxDiff < 1e-5 ? ' (equal up to float rounding).' : ' — they differ!'}
          </p>
        <div className="core-legends">
          {xM && <Legend scale={xScale} title={`value of ${props.xLabel ?? 'X'}`} />}
          <Legend scale={sig} title="value of q, k, v" showBlocked />
          <Legend scale={sumScale} title="value of weight × v, their sum Σ and the traced output" />
        </div>
        <p className="viz-desc core-legend">Bars: length is the value (dot products and scores centred at 0, weights from 0 to 1).</p>
      </div>
    </PanelFrame>
  );
}
