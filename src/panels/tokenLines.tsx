// `token-lines`: the head view, lines from each query to the keys it attends to (BertViz style).
import { TokenLines } from '../visualizations/TokenLines';
import { headCount } from '../visualizations/tensorView';
import { LayerHeadPicker } from '../components/LayerHeadPicker';
import { LiveState } from './LiveState';
import { useAttentionAxes, useSelection, where } from './axes';
import { definePanel, type PanelContext } from './types';

export interface TokenLinesOptions {
  /** Only the selected head; otherwise every head of the layer, as in BertViz's head view. */
  oneHead?: boolean;
}

function TokenLinesPanel({ oneHead = false, ctx }: TokenLinesOptions & { ctx: PanelContext }) {
  const { info, weights, queryTokens, keyTokens } = useAttentionAxes();
  const sel = useSelection();
  const ready = !!info && !!weights && queryTokens.length > 0;
  const heads = oneHead && weights && sel.head < headCount(weights) ? [sel.head] : undefined;
  return (
    <LiveState ready={ready}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} />}
      {ready && weights && (
        <TokenLines
          weights={weights}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          kind={sel.attention === 'crossAttention' ? 'cross' : 'self'}
          heads={heads}
          title={`Token lines: ${where(sel)}${heads ? `, head ${sel.head}` : ', every head'}`}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('token-lines')}
        />
      )}
    </LiveState>
  );
}

export const tokenLinesPanel = definePanel<TokenLinesOptions>({
  title: 'Token lines',
  selfTitled: true,
  render: (o, ctx) => <TokenLinesPanel {...o} ctx={ctx} />,
});
