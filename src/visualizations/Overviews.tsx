// Head overview (every head of one layer side by side) and model overview (layer × head thumbnails).
// Each thumbnail is a button; the set has one tab stop and arrow keys move between thumbnails.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { BoolTensor, Tensor } from '../model/tensor';
import { PanelFrame } from './PanelFrame';
import { Thumbnail } from './Thumbnail';
import { Legend } from './Legend';
import { sequentialScale } from './scales';
import { headCount, headMatrix, maskBytes, matrixRows } from './tensorView';
import { moveCell, type Cell } from './grid';
import { useThemeScale } from './useThemeScale';

interface ThumbGridProps {
  /** weights[layer] is [nHeads, Sq, Sk]. */
  layers: readonly Tensor[];
  layerIndices: readonly number[];
  selected?: { layer: number; head: number } | null;
  onSelect?: (layer: number, head: number) => void;
  size: number;
  colourMap: 'viridis' | 'cividis';
  label: string;
  queryTokens?: readonly string[];
  keyTokens?: readonly string[];
  mask?: BoolTensor | null;
}

function ThumbGrid({ layers, layerIndices, selected, onSelect, size, colourMap, label, queryTokens, keyTokens, mask }: ThumbGridProps) {
  const scale = useMemo(() => sequentialScale(colourMap), [colourMap]);
  const nHeads = layers.length ? headCount(layers[0]) : 0;
  const [focus, setFocus] = useState<Cell>({ row: 0, col: 0 });
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (e: React.KeyboardEvent) => {
    const next = moveCell(focus, e, layers.length, nHeads);
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    refs.current.get(`${next.row}-${next.col}`)?.focus();
  };
  return (
    <div
      role="grid"
      aria-label={label}
      className="viz-thumbs"
      // One layer: the heads wrap onto as many lines as the width needs; a layer × head grid keeps its columns.
      style={layers.length === 1 ? { display: 'flex', flexWrap: 'wrap' } : { gridTemplateColumns: `repeat(${nHeads}, max-content)` }}
      onKeyDown={onKeyDown}
    >
      {layers.map((w, li) => (
        <div role="row" key={li} style={{ display: 'contents' }}>
          {Array.from({ length: nHeads }, (_, h) => {
            const layer = layerIndices[li];
            const isSel = selected?.layer === layer && selected?.head === h;
            return (
              <div role="gridcell" key={h}>
                <button
                  type="button"
                  ref={(el) => {
                    if (el) refs.current.set(`${li}-${h}`, el);
                  }}
                  className="btn viz-thumb"
                  tabIndex={focus.row === li && focus.col === h ? 0 : -1}
                  aria-pressed={isSel}
                  data-testid={`thumb-${layer}-${h}`}
                  onFocus={() => setFocus({ row: li, col: h })}
                  onClick={() => onSelect?.(layer, h)}
                >
                  <Thumbnail matrix={headMatrix(w, h)} scale={scale} size={size} rowLabels={queryTokens} colLabels={keyTokens} blocked={maskBytes(mask, w.shape[1], w.shape[2])} />
                  <span>
                    Layer {layer} · head {h}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** What both overviews take besides their weights and selection. */
interface OverviewOptions {
  colourMap?: 'viridis' | 'cividis';
  title?: string;
  description?: ReactNode;
  /** Thumbnail size in px. */
  size?: number;
  /** Token labels of the rows (queries) and columns (keys). */
  queryTokens?: readonly string[];
  keyTokens?: readonly string[];
  /** [Sq, Sk], 1 = blocked (hatched); the same for every layer shown. */
  mask?: BoolTensor | null;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** The panel both overviews are: the thumbnails of some layers and the colour legend. They differ
 *  only in which layers, the defaults and the wording, so the frame is written once. */
function OverviewFrame(props: {
  options: OverviewOptions;
  title: string;
  testId: string;
  size: number;
  data: () => unknown;
  layers: readonly Tensor[];
  layerIndices: readonly number[];
  selected?: { layer: number; head: number } | null;
  onSelect?: (layer: number, head: number) => void;
  gridLabel: string;
  legendTitle: string;
  legendWidth: number;
}) {
  const { options } = props;
  const fontSize = 12 * useThemeScale();
  const colourMap = options.colourMap ?? 'viridis';
  return (
    <PanelFrame
      title={props.title}
      description={options.description}
      headingLevel={options.headingLevel}
      testId={options.testId ?? props.testId}
      data={props.data}
    >
      <ThumbGrid
        layers={props.layers}
        layerIndices={props.layerIndices}
        selected={props.selected}
        onSelect={props.onSelect}
        size={options.size ?? props.size}
        colourMap={colourMap}
        label={props.gridLabel}
        queryTokens={options.queryTokens}
        keyTokens={options.keyTokens}
        mask={options.mask}
      />
      <Legend
        scale={sequentialScale(colourMap)}
        title={props.legendTitle}
        fontSize={fontSize}
        width={props.legendWidth}
        showBlocked={!!options.mask}
      />
    </PanelFrame>
  );
}

export interface HeadOverviewProps extends OverviewOptions {
  /** Weights of one layer, [nHeads, Sq, Sk]. */
  weights: Tensor;
  layer: number;
  selectedHead?: number | null;
  onSelectHead?: (head: number) => void;
}

/** Every head of one layer side by side; click a head to open it. */
export function HeadOverview(props: HeadOverviewProps) {
  const title = props.title ?? `Every head of layer ${props.layer}`;
  return (
    <OverviewFrame
      options={props}
      title={title}
      testId="head-overview"
      size={140}
      data={() => ({
        layer: props.layer,
        heads: Array.from({ length: headCount(props.weights) }, (_, h) =>
          matrixRows(headMatrix(props.weights, h)),
        ),
      })}
      layers={[props.weights]}
      layerIndices={[props.layer]}
      selected={props.selectedHead != null ? { layer: props.layer, head: props.selectedHead } : null}
      onSelect={(_, h) => props.onSelectHead?.(h)}
      gridLabel={`${title}: rows are queries, columns are keys`}
      legendTitle="attention weight (rows = queries, columns = keys)"
      legendWidth={260}
    />
  );
}

export interface ModelOverviewProps extends OverviewOptions {
  /** Weights of every layer, each [nHeads, Sq, Sk]. */
  layers: readonly Tensor[];
  selected?: { layer: number; head: number } | null;
  onSelect?: (layer: number, head: number) => void;
}

/** Every layer × head as thumbnails (BertViz's model view); click one to open it. */
export function ModelOverview(props: ModelOverviewProps) {
  const title = props.title ?? 'Every layer and head';
  return (
    <OverviewFrame
      options={props}
      title={title}
      testId="model-overview"
      size={90}
      data={() => ({
        layers: props.layers.map((w) =>
          Array.from({ length: headCount(w) }, (_, h) => matrixRows(headMatrix(w, h))),
        ),
      })}
      layers={props.layers}
      layerIndices={props.layers.map((_, i) => i)}
      selected={props.selected}
      onSelect={props.onSelect}
      gridLabel={`${title}: rows of thumbnails are layers, columns are heads`}
      legendTitle="attention weight"
      legendWidth={240}
    />
  );
}
