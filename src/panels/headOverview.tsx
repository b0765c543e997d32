// `head-overview`: every head of the selected layer side by side; choosing one selects it.
import { useAtlas } from '../store/atlas';
import { useSelectedAttention } from '../store/selectors';
import { HeadOverview } from '../visualizations';
import { LiveState } from './LiveState';
import { definePanel, type PanelContext } from './types';

function HeadOverviewPanel({ ctx }: { ctx: PanelContext }) {
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const colorMap = useAtlas((s) => s.colorMap);
  const { weights } = useSelectedAttention();
  return (
    <LiveState ready={!!weights}>
      {weights && (
        <HeadOverview
          weights={weights}
          layer={layer}
          selectedHead={head}
          onSelectHead={(h) => useAtlas.getState().setHead(h)}
          colourMap={colorMap}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('head-overview')}
        />
      )}
    </LiveState>
  );
}

export const headOverviewPanel = definePanel({
  title: 'Every head of the layer',
  selfTitled: true,
  render: (_o, ctx) => <HeadOverviewPanel ctx={ctx} />,
});
