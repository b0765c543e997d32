// The React side of the custom elements: the same visualization panels the app draws (ARIA grid,
// legend, table view, exports), fed by the author's data instead of a running model.
import { useState } from 'react';
import { AttentionHeatmap } from '../visualizations/AttentionHeatmap';
import { MaskDiagram } from '../visualizations/MaskDiagram';
import { PositionSimilarity, SinusoidalPanel } from '../visualizations/PositionalPanels';
import type { AttentionData, MaskData, PositionalData } from './parse';

export function AttentionElement({ data, title, head: firstHead }: { data: AttentionData; title: string | null; head: number }) {
  const [head, setHead] = useState(Math.min(firstHead, data.nHeads - 1));
  const cross = data.queryTokens !== data.keyTokens;
  return (
    <>
      {data.nHeads > 1 && (
        <label className="atlas-el-picker">
          Head{' '}
          <select value={head} onChange={(e) => setHead(Number(e.target.value))} data-testid="atlas-head">
            {Array.from({ length: data.nHeads }, (_, h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      )}
      <AttentionHeatmap
        weights={data.weights}
        mask={data.mask}
        head={head}
        queryTokens={data.queryTokens}
        keyTokens={data.keyTokens}
        colTitle={cross ? 'Keys: the other sequence (columns)' : undefined}
        title={title ?? `Attention weights${data.nHeads > 1 ? `, head ${head}` : ''}`}
        headingLevel={3}
        testId="atlas-attention"
      />
    </>
  );
}

export function MaskElement({ data, title }: { data: MaskData; title: string | null }) {
  const S = data.tokens.length;
  return (
    <MaskDiagram
      S={S}
      padding={data.padding}
      prefix={data.prefix}
      pattern={data.pattern}
      maxS={Math.max(12, S)}
      scores={data.scores}
      tokens={data.tokens}
      title={title ?? 'Attention masks'}
      headingLevel={3}
      testId="atlas-mask"
    />
  );
}

export function PositionalElement({ data, title }: { data: PositionalData; title: string | null }) {
  if (data.kind === 'table')
    return <PositionSimilarity table={data.table} title={title ?? `Similarity of positions: P_m · P_n (S = ${data.table.shape[0]})`} headingLevel={3} testId="atlas-positional" />;
  return <SinusoidalPanel S={data.length} dModel={data.dModel} title={title ?? undefined} headingLevel={3} testId="atlas-positional" />;
}
