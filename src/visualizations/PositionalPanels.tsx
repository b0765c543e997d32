// Positional encodings: the sinusoidal table (position × dimension) with line plots of chosen
// dimensions, and the similarity of positions PE_m·PE_n. The table comes from src/model (sinusoidalTable).
import { useMemo, useState, type ReactNode } from 'react';
import { matmulTransB, sinusoidalTable, type Tensor } from '../model';
import { CellMap } from './CellMap';
import { PanelFrame } from './PanelFrame';
import { LinePlot } from './LinePlot';
import { divergingScale, niceMaxAbs } from './scales';
import { formatValue } from './format';
import { matrixRows } from './tensorView';

export interface SinusoidalPanelProps {
  S?: number;
  dModel?: number;
  /** Dimensions plotted against position at first. */
  dims?: readonly number[];
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** The sinusoidal table P[pos, 2i] = sin(pos/10000^(2i/dModel)), P[pos, 2i+1] = cos(…), interleaved. */
export function SinusoidalPanel(props: SinusoidalPanelProps) {
  const [S, setS] = useState(props.S ?? 32);
  const [dModel, setDModel] = useState(props.dModel ?? 16);
  const [dims, setDims] = useState<readonly number[]>(props.dims ?? [0, 1, 6]);
  const table = useMemo(() => sinusoidalTable(S, dModel), [S, dModel]); // [S, dModel]
  const posLabels = useMemo(() => Array.from({ length: S }, (_, p) => String(p)), [S]);
  const dimLabels = useMemo(
    () => Array.from({ length: dModel }, (_, d) => `${d} ${d % 2 ? 'cos' : 'sin'}`),
    [dModel],
  );
  const scale = useMemo(() => divergingScale(1), []);
  const shownDims = dims.filter((d) => d < dModel);
  const title = props.title ?? 'Sinusoidal positional encoding';
  const series = shownDims.map((d) => ({
    name: `dim ${d} (${d % 2 ? 'cos' : 'sin'}, i = ${Math.floor(d / 2)})`,
    x: posLabels.map(Number),
    y: Array.from({ length: S }, (_, p) => table.data[p * dModel + d]),
  }));
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'sinusoidal'}
      data={() => ({ S, dModel, table })}
    >
      <div className="viz-toolbar" role="group" aria-label="Table size">
        <label>
          positions S
          <input
            type="number"
            min={2}
            max={128}
            value={S}
            onChange={(e) => setS(Math.max(2, Math.min(128, Number(e.target.value) || 2)))}
          />
        </label>
        <label>
          dModel
          <input
            type="number"
            min={2}
            max={64}
            step={2}
            value={dModel}
            onChange={(e) =>
              setDModel(Math.max(2, Math.min(64, 2 * Math.round((Number(e.target.value) || 2) / 2))))
            }
          />
        </label>
      </div>
      <CellMap
        values={table.data}
        rows={S}
        cols={dModel}
        rowLabels={posLabels}
        colLabels={dimLabels}
        rowTitle="Positions (rows)"
        colTitle="Dimensions (columns)"
        rowNoun="position"
        colNoun="dimension"
        scale={scale}
        legendTitle="PE value"
        label={`${title}: rows are positions, columns are dimensions`}
        maxWidth={560}
        maxCell={24}
        details={(c) => {
          const i = Math.floor(c.col / 2);
          return (
            <div className="viz-tip-formula">
              PE[{c.row}, {c.col}] = {c.col % 2 ? 'cos' : 'sin'}({c.row} / 10000^({2 * i}/{dModel})) ={' '}
              {formatValue(table.data[c.row * dModel + c.col], 4)}
            </div>
          );
        }}
      />
      <fieldset className="viz-toolbar">
        <legend>Dimensions to plot</legend>
        {Array.from({ length: Math.min(dModel, 16) }, (_, d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={dims.includes(d)}
              onChange={(e) =>
                setDims((s) =>
                  e.target.checked ? [...s, d].sort((a, b) => a - b) : s.filter((x) => x !== d),
                )
              }
            />
            {d}
          </label>
        ))}
      </fieldset>
      <LinePlot
        series={series}
        xLabel="position"
        yLabel="PE value"
        yDomain={[-1, 1]}
        width={520}
        label={`Line plot of dimensions ${shownDims.join(', ')} against position: low dimensions oscillate fast, high ones slowly`}
        testId="sinusoidal-plot"
      />
    </PanelFrame>
  );
}

export interface PositionSimilarityProps {
  /** A position table [S, dModel] (sinusoidal, or learned from a model). */
  table: Tensor;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** PE_m · PE_n for every pair of positions (rows m, columns n). */
export function PositionSimilarity(props: PositionSimilarityProps) {
  const sim = useMemo(() => matmulTransB(props.table, props.table), [props.table]); // [S, S]
  const S = props.table.shape[0];
  const labels = useMemo(() => Array.from({ length: S }, (_, p) => String(p)), [S]);
  const scale = useMemo(() => divergingScale(niceMaxAbs(sim.data)), [sim]);
  const title = props.title ?? 'Similarity of positions: PE_m · PE_n';
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'position-similarity'}
      data={() => ({ similarity: matrixRows({ values: sim.data, rows: S, cols: S }) })}
    >
      <CellMap
        values={sim.data}
        rows={S}
        cols={S}
        rowLabels={labels}
        colLabels={labels}
        rowTitle="Position m (rows)"
        colTitle="Position n (columns)"
        rowNoun="position"
        colNoun="position"
        scale={scale}
        legendTitle="PE_m · PE_n"
        label={`${title}: rows are positions m, columns are positions n`}
        maxWidth={420}
        maxCell={24}
      />
    </PanelFrame>
  );
}
