// `cost`: work against sequence length (formula counts, an illustration) at the model's dModel.
import { useAtlas } from '../store/atlas';
import { CostPlot } from '../visualizations/CostPlot';
import { definePanel, ready, type PanelContext } from './types';

function CostPanel({ ctx }: { ctx: PanelContext }) {
  const dModel = useAtlas((s) => s.modelInfo?.config.dModel);
  return ready(<CostPlot dModel={dModel ?? 64} headingLevel={ctx.headingLevel} testId={ctx.testId('cost')} />);
}

export const costPanel = definePanel({
  title: 'Cost against sequence length',
  selfTitled: true,
  render: (_o, ctx) => <CostPanel ctx={ctx} />,
});
