// Lessons 9, 10, 13: block diagrams of transformer architectures. `live` draws the loaded model's own
// architecture (from its config); otherwise the three families side by side, each with the settings
// of the shipped model that represents it, and what sets them apart.
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo } from '../../../store/selectors';
import { ArchitectureDiagram } from '../../../visualizations/ArchitectureDiagram';
import type { ArchKind, NormPlacement, PositionalKind } from '../../../visualizations/architecture';
import { LiveState } from '../../../panels/LiveState';
import { WidgetTable } from './WidgetTable';
import './widgets.css';

interface Family {
  arch: ArchKind;
  name: string;
  example: string;
  shipped: string;
  norm: NormPlacement;
  positional: PositionalKind;
  nLayers: number;
  nDecoderLayers?: number;
  selfMask: string;
  cross: string;
  goodAt: string;
}

/** The three families, each drawn with the config of the shipped model of that kind (see public/models). */
export const FAMILIES: readonly Family[] = [
  {
    arch: 'encoder-decoder',
    name: 'Encoder-decoder',
    example: 'the original 2017 Transformer (post-norm, sinusoidal positions); T5 (pre-norm, relative position bias)',
    shipped: 'dates',
    norm: 'pre',
    positional: 'learned',
    nLayers: 2,
    nDecoderLayers: 1,
    selfMask: 'encoder: full; decoder: causal',
    cross: 'yes: decoder queries, encoder keys and values',
    goodAt: 'turning one sequence into another (translation, summaries, dates → ISO)',
  },
  {
    arch: 'encoder-only',
    name: 'Encoder-only',
    example: 'BERT (post-norm, learned positions, as drawn)',
    shipped: 'masked-grammar',
    norm: 'post',
    positional: 'learned',
    nLayers: 2,
    selfMask: 'full (both directions)',
    cross: 'no',
    goodAt: 'understanding a whole input: fill in a masked word, classify, extract features',
  },
  {
    arch: 'decoder-only',
    name: 'Decoder-only',
    example: 'GPT-2 (pre-norm, learned positions); most recent large language models (pre-norm, RoPE, as drawn)',
    shipped: 'grammar',
    norm: 'pre',
    positional: 'rope',
    nLayers: 2,
    selfMask: 'causal (only to the left)',
    cross: 'no',
    goodAt: 'continuing a sequence one token at a time: text generation, chat, summaries, music as MIDI events',
  },
];

function Families() {
  return (
    <div data-panel-ready="true" data-testid="architecture-compare">
      <div className="widget-archs">
        {FAMILIES.map((f) => (
          <div key={f.arch}>
            <ArchitectureDiagram
              arch={f.arch}
              norm={f.norm}
              positional={f.positional}
              nLayers={f.nLayers}
              nDecoderLayers={f.nDecoderLayers}
              title={`${f.name}, drawn as our ${f.shipped} model (${f.norm}-norm, ${f.positional} positions)`}
              headingLevel={3}
              testId={`arch-${f.arch}`}
            />
          </div>
        ))}
      </div>
      <WidgetTable
        label="Comparison of the three families"
        caption="The three families compared (diagrams drawn with the settings of the shipped model of each kind)."
        cols={['family', 'self-attention mask', 'cross-attention', 'good at', 'shipped model', 'well-known examples']}
      >
        {FAMILIES.map((f) => (
          <tr key={f.arch}>
            <th scope="row">{f.name}</th>
            <td className="widget-wrap">{f.selfMask}</td>
            <td className="widget-wrap">{f.cross}</td>
            <td className="widget-wrap" style={{ minWidth: '10rem' }}>{f.goodAt}</td>
            <td className="mono">{f.shipped}</td>
            <td style={{ whiteSpace: 'normal', minWidth: '14rem' }}>{f.example}</td>
          </tr>
        ))}
      </WidgetTable>
    </div>
  );
}

function LiveArchitecture() {
  const info = useAtlas(selectModelInfo);
  const c = info?.config;
  const positional = c?.positional ?? 'none';
  return (
    <LiveState ready={!!info}>
      {info && c && (
        <ArchitectureDiagram
          arch={info.arch}
          norm={c.norm === 'pre' ? 'pre' : 'post'}
          positional={positional}
          nLayers={c.nLayers}
          nDecoderLayers={c.nDecoderLayers}
          title={`The ${info.name} model: ${info.arch}, ${c.norm}-norm, ${c.nLayers}${c.nDecoderLayers ? ` + ${c.nDecoderLayers}` : ''} layers`}
          headingLevel={3}
          testId="arch-live"
        />
      )}
    </LiveState>
  );
}

export function ArchitectureCompare({ live = false }: { live?: boolean }) {
  return live ? <LiveArchitecture /> : <Families />;
}
