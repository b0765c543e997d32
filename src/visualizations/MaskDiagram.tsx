// Mask diagrams: padding, full, causal and prefix masks as boolean grids and their combination, then
// the mask at work: −∞ added to the scores, and 0 after softmax. Mask and softmax math from src/model.
import { useMemo, useState, type ReactNode } from 'react';
import {
  combineMasks,
  paddingMask,
  patternMask,
  softmax,
  type BoolTensor,
  type MaskPattern,
  type Tensor,
} from '../model';
import { CellMap, type CellMapProps } from './CellMap';
import { PanelFrame } from './PanelFrame';
import { blockedScale, divergingScale, niceMaxAbs, sequentialScale } from './scales';

export interface MaskDiagramProps {
  /** Initial controls. */
  S?: number;
  padding?: number;
  prefix?: number;
  pattern?: MaskPattern;
  /** Real scores [S, S] of one head to mask (used while the controls keep their S); otherwise every score is 0 (illustrative). */
  scores?: Tensor | null;
  /** Token labels for the scores' S; default "0".."S−1". */
  tokens?: readonly string[];
  maxS?: number;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

const PAD = 0;

/** Interactive mask diagrams with controls for S, the padding count and the prefix length. */
export function MaskDiagram(props: MaskDiagramProps) {
  const maxS = props.maxS ?? 12;
  const [S, setS] = useState(props.S ?? 6);
  const [padding, setPadding] = useState(props.padding ?? 1);
  const [prefix, setPrefix] = useState(props.prefix ?? 2);
  const [pattern, setPattern] = useState<MaskPattern>(props.pattern ?? 'causal');
  const pad = Math.min(padding, S - 1);
  const pre = Math.min(prefix, S);
  // Padding sits at the end of the sequence: token ids 1 = word, 0 = <pad>.
  const keyIds = useMemo(() => Array.from({ length: S }, (_, j) => (j >= S - pad ? PAD : 1)), [S, pad]);
  const padMask = useMemo(() => paddingMask(S, keyIds, PAD), [S, keyIds]);
  const patMask = useMemo(() => patternMask(pattern, S, S, pre), [pattern, S, pre]);
  const combined = useMemo(() => combineMasks(padMask, patMask), [padMask, patMask]);
  const real =
    props.scores && props.scores.shape[0] === S && props.scores.shape[1] === S ? props.scores : null;
  const scores: Tensor = useMemo(() => real ?? { data: new Float32Array(S * S), shape: [S, S] }, [real, S]); // [S, S]
  const masked: Tensor = useMemo(() => {
    const data = scores.data.slice(); // [S, S]
    for (let i = 0; i < data.length; i++) if (combined.data[i]) data[i] = -Infinity;
    return { data, shape: [S, S] };
  }, [scores, combined, S]);
  const weights = useMemo(() => softmax(scores, combined), [scores, combined]); // [S, S]
  const labels = useMemo(
    () =>
      Array.from({ length: S }, (_, j) =>
        keyIds[j] === PAD ? '<pad>' : real && props.tokens ? props.tokens[j] : String(j),
      ),
    [real, props.tokens, S, keyIds],
  );
  const boolScale = useMemo(() => blockedScale(), []);
  const scoreScale = useMemo(() => divergingScale(niceMaxAbs(scores.data)), [scores]);
  const weightScale = useMemo(() => sequentialScale('viridis'), []);
  const title = props.title ?? 'Masks: padding, pattern and their combination';
  // Every map here is one query × key grid (rows are queries, columns are keys) with a subtitle;
  // the masks and the masked scores/weights differ only in values, colours and size.
  type AxesProps =
    | 'rows'
    | 'cols'
    | 'rowLabels'
    | 'colLabels'
    | 'rowTitle'
    | 'colTitle'
    | 'rowNoun'
    | 'colNoun'
    | 'labelAll';
  const queryKeyMap = (testId: string, name: string, m: Omit<CellMapProps, AxesProps>) => (
    <div data-testid={testId}>
      <h4 className="viz-subtitle">{name}</h4>
      <CellMap
        {...m}
        rows={S}
        cols={S}
        rowLabels={labels}
        colLabels={labels}
        rowTitle="Queries"
        colTitle="Keys"
        rowNoun="query"
        colNoun="key"
        labelAll
      />
    </div>
  );
  const grid = (m: BoolTensor, name: string, testId: string) =>
    queryKeyMap(testId, name, {
      values: Float32Array.from(m.data),
      scale: boolScale,
      legendTitle: 'white = allowed (0), hatched grey = blocked (1)',
      blocked: m.data,
      label: `${name}: rows are queries, columns are keys; 1 = blocked`,
      digits: 0,
      maxWidth: 300,
      maxCell: 28,
    });
  // The maps after the mask (scores, then weights): blocked cells hatched, drawn larger.
  const stage = (
    testId: string,
    name: string,
    m: Pick<CellMapProps, 'values' | 'scale' | 'legendTitle' | 'label'>,
  ) => queryKeyMap(testId, name, { ...m, blocked: combined.data, maxWidth: 360, maxCell: 36 });
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'mask-diagram'}
      data={() => ({
        S,
        padding: pad,
        prefix: pre,
        pattern,
        padding_mask: padMask,
        pattern_mask: patMask,
        combined,
        scores,
        weights,
      })}
    >
      <div className="viz-toolbar" role="group" aria-label="Mask controls">
        <label>
          S
          <input
            type="number"
            min={2}
            max={maxS}
            value={S}
            onChange={(e) => setS(Math.max(2, Math.min(maxS, Number(e.target.value) || 2)))}
            data-testid="mask-S"
          />
        </label>
        <label>
          padding tokens
          <input
            type="number"
            min={0}
            max={S - 1}
            value={pad}
            onChange={(e) => setPadding(Math.max(0, Number(e.target.value) || 0))}
            data-testid="mask-padding"
          />
        </label>
        <label>
          pattern
          <select
            value={pattern}
            onChange={(e) => setPattern(e.target.value as MaskPattern)}
            data-testid="mask-pattern"
          >
            <option value="full">full</option>
            <option value="causal">causal</option>
            <option value="prefix">prefix</option>
          </select>
        </label>
        <label>
          prefix length
          <input
            type="number"
            min={0}
            max={S}
            value={pre}
            disabled={pattern !== 'prefix'}
            onChange={(e) => setPrefix(Math.max(0, Number(e.target.value) || 0))}
            data-testid="mask-prefix"
          />
        </label>
      </div>
      <div className="viz-row">
        {grid(padMask, `Padding (last ${pad} key${pad === 1 ? '' : 's'} are <pad>)`, 'mask-padding-grid')}
        {grid(
          patMask,
          pattern === 'prefix'
            ? `Prefix (first ${pre} see each other)`
            : pattern === 'causal'
              ? 'Causal (j > i blocked)'
              : 'Full (nothing blocked)',
          'mask-pattern-grid',
        )}
        {grid(combined, 'Combined: padding OR pattern', 'mask-combined-grid')}
      </div>
      <p className="viz-desc">
        {real
          ? 'Scores of a real head below.'
          : 'Illustrative: every score is 0 here, so each row’s weight is shared equally by its allowed keys.'}
      </p>
      <div className="viz-row">
        {stage('mask-scores', 'Scores + mask (−∞ where blocked)', {
          values: masked.data,
          scale: scoreScale,
          legendTitle: 'score (−∞ hatched)',
          label: 'Scores with the mask added: blocked cells are minus infinity',
        })}
        {stage('mask-weights', 'After softmax: blocked cells are 0', {
          values: weights.data,
          scale: weightScale,
          legendTitle: 'attention weight',
          label: 'Weights after softmax: blocked cells are zero',
        })}
      </div>
    </PanelFrame>
  );
}
