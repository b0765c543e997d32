// `output-bars`: next-token probabilities at the last position, with temperature.
import { useAtlas } from '../store/atlas';
import { selectModelInfo, useTraceTensor } from '../store/selectors';
import { tracePath } from '../model/trace';
import type { Tensor } from '../model/tensor';
import { OutputBars } from '../visualizations/OutputBars';
import { LiveState } from './LiveState';
import { definePanel, type PanelContext } from './types';

function OutputBarsPanel({ ctx }: { ctx: PanelContext }) {
  const info = useAtlas(selectModelInfo);
  const logits = useTraceTensor<Tensor>(tracePath.head('logits')); // [T, V]
  const temperature = useAtlas((s) => s.temperature);
  return (
    <LiveState ready={!!logits && !!info}>
      {logits && info && (
        <OutputBars
          logits={logits}
          position={logits.shape[0] - 1}
          vocab={info.vocab}
          temperature={temperature}
          onTemperatureChange={(t) => useAtlas.getState().setTemperature(t)}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('output-bars')}
        />
      )}
    </LiveState>
  );
}

export const outputBarsPanel = definePanel({
  title: 'Output probabilities',
  selfTitled: true,
  render: (_o, ctx) => <OutputBarsPanel ctx={ctx} />,
});
