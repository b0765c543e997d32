// `attention-heatmap`: one head's weights (or scores) of the selected layer; rows are queries,
// columns are keys. Used by lessons, the playground and the `attention-heatmap` embed.
import { useEffect } from 'react';
import { useAtlas } from '../store/atlas';
import { AttentionHeatmap } from '../visualizations/AttentionHeatmap';
import { headCount } from '../visualizations/tensorView';
import { LayerHeadPicker } from '../components/LayerHeadPicker';
import { DotProduct } from '../components/lesson/widgets/DotProduct';
import { LiveState } from './LiveState';
import { useAttentionAxes, useSelection, where } from './axes';
import { definePanel, type PanelContext } from './types';

export interface HeatmapOptions {
  show?: 'weights' | 'scores';
  /** Click a cell to pin it (the playground and lesson 4's explain step). */
  pin?: boolean;
  /** Pin a cell and spell out its dot product under the map (lesson 4). */
  explain?: boolean;
}

function HeatmapPanel({ show = 'weights', pin = false, explain = false, ctx }: HeatmapOptions & { ctx: PanelContext }) {
  const { info, weights, scores, mask, queryTokens, keyTokens } = useAttentionAxes();
  const sel = useSelection();
  const pinned = useAtlas((s) => s.pinned);
  const runId = useAtlas((s) => s.traceRunId);
  const ready = !!info && !!weights && queryTokens.length > 0 && sel.head < headCount(weights);
  const pins = pin || explain;
  useEffect(() => {
    if (ready) performance.mark('atlas:heatmap', { detail: { runId } }); // the keystroke benchmark's end mark
  }, [ready, runId, weights]);
  return (
    <LiveState ready={ready}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} />}
      {ready && info && weights && (
        <AttentionHeatmap
          weights={weights}
          scores={scores}
          mask={mask}
          head={sel.head}
          show={show}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          dHead={info.config.dModel / info.config.nHeads}
          colourMap={sel.colorMap}
          title={`${show === 'scores' ? 'Scores' : 'Weights'}: ${where(sel)}, head ${sel.head}`}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('heatmap')}
          selected={pins && pinned ? { row: pinned.query, col: pinned.key } : null}
          onSelectCell={pins ? (c) => useAtlas.getState().togglePinned({ query: c.row, key: c.col }) : undefined}
        />
      )}
      {explain && ready && <DotProduct />}
    </LiveState>
  );
}

export const heatmapPanel = definePanel<HeatmapOptions>({
  title: 'Attention weights',
  selfTitled: true,
  render: (o, ctx) => <HeatmapPanel {...o} ctx={ctx} />,
});
