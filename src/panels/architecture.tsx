// `architecture`: the block diagram of the loaded model. The highlighted block follows the stage the
// view points at until the reader picks one.
import { useState } from 'react';
import { useAtlas } from '../store/atlas';
import { selectModelInfo } from '../store/selectors';
import type { Stage } from '../store/types';
import type { StackName } from '../model/trace';
import { ArchitectureDiagram } from '../visualizations/ArchitectureDiagram';
import type { ArchStage } from '../visualizations/architecture';
import { LiveState } from './LiveState';
import { definePanel, type PanelContext } from './types';

/** The diagram's block for a forward-pass stage. */
function archStageOf(stage: Stage, stack: StackName): ArchStage {
  if (stage === 'embeddings' || stage === 'tokens') return 'embedding';
  if (stage === 'positional') return 'positional';
  if (stage === 'ffn') return `${stack}.ffn`;
  if (stage === 'logits' || stage === 'probs') return 'deembedding';
  return `${stack}.selfAttention`;
}

function ArchitecturePanel({ ctx }: { ctx: PanelContext }) {
  const info = useAtlas(selectModelInfo);
  const stage = useAtlas((s) => s.stage);
  const stack = useAtlas((s) => s.stack);
  const [picked, setPicked] = useState<ArchStage | null>(null);
  if (!info) return <LiveState ready={false}>{null}</LiveState>;
  const c = info.config;
  return (
    <div data-panel-ready="true">
      <ArchitectureDiagram
        arch={info.arch}
        norm={c.norm === 'pre' ? 'pre' : 'post'}
        positional={c.positional}
        nLayers={c.nLayers}
        nDecoderLayers={c.nDecoderLayers}
        currentStage={picked ?? archStageOf(stage, stack)}
        onSelectStage={setPicked}
        title={`Architecture of the ${info.name} model (${info.arch})`}
        headingLevel={ctx.headingLevel}
        testId={ctx.testId('architecture')}
      />
    </div>
  );
}

export const architecturePanel = definePanel({
  title: 'Architecture',
  selfTitled: true,
  render: (_o, ctx) => <ArchitecturePanel ctx={ctx} />,
});
