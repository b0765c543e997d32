// #/gallery: every visualization panel with fixture data from real runs of the model, for review,
// screenshots and the accessibility check.
import { useMemo, useState } from 'react';
import { learnedTable, sinusoidalTable, tracePath, getTensor, type Tensor } from '../../model';
import { galleryFixtures } from '../fixtures';
import { AttentionHeatmap } from '../AttentionHeatmap';
import { HeadOverview, ModelOverview } from '../Overviews';
import { TokenLines } from '../TokenLines';
import { MatrixView } from '../MatrixView';
import { AttentionPipeline } from '../AttentionPipeline';
import { AttentionCore } from '../core/AttentionCore';
import { MultiHead } from '../core/MultiHead';
import { ResidualAdd } from '../core/Residual';
import { FfnTopUnits } from '../core/FfnTopUnits';
import { MaskDiagram } from '../MaskDiagram';
import { PositionSimilarity, SinusoidalPanel } from '../PositionalPanels';
import { RopePanel } from '../RopePanel';
import { ArchitectureDiagram } from '../ArchitectureDiagram';
import { OutputBars } from '../OutputBars';
import { CostPlot } from '../CostPlot';
import type { Cell } from '../grid';
import '../viz.css';

function Entry({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="gallery-entry" data-testid={`gallery-${id}`} aria-labelledby={`gallery-${id}-h`}>
      <h2 id={`gallery-${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

function need(t: Tensor | undefined): Tensor {
  if (!t) throw new Error('fixture tensor missing');
  return t;
}

export default function GalleryPage() {
  const fx = useMemo(() => galleryFixtures(), []);
  const [head, setHead] = useState(0);
  const [picked, setPicked] = useState<Cell | null>(null);
  const [open, setOpen] = useState({ layer: 0, head: 0 });
  const [stage, setStage] = useState<string | null>('decoder.selfAttention');
  const dec = fx.decoder;
  const cfg = dec.model.config;
  const dHead = cfg.dModel / cfg.nHeads;
  const a0 = dec.layers[0];
  const trace = dec.run.trace;
  const embeddings = need(getTensor(trace, tracePath.stack('decoder', 'embeddings')));
  const ffn = need(getTensor(trace, tracePath.layer('decoder', 0, 'ffnHidden')));
  const sinus = useMemo(() => sinusoidalTable(24, 16), []); // [24, 16]
  const learned = useMemo(
    () => learnedTable(need(dec.model.weights.posEmbed), cfg.maxLen),
    [dec.model, cfg.maxLen],
  ); // [maxLen, dModel]
  const rope = fx.rope.layer0;
  const ropeDHead = rope.q.shape[2];
  const pickedInfo =
    picked &&
    `Selected: query ‘${a0.queryTokens[picked.row]}’ → key ‘${a0.keyTokens[picked.col]}’, weight ${a0.weights.data[head * a0.weights.shape[1] * a0.weights.shape[2] + picked.row * a0.weights.shape[2] + picked.col].toFixed(4)}`;
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>Gallery</h1>
      <p className="lede">
        Every panel of Attention Atlas, drawn from real runs of the model in <code>src/model</code> on small
        test models with random weights (tokens t1…t10): the numbers are exact, the patterns mean nothing. The
        cost plot and the zero-score mask example are illustrative.
      </p>
      <Entry id="heatmap" title="Attention heatmap">
        <div className="viz-toolbar">
          <button
            type="button"
            className="btn"
            onClick={() => setHead((h) => (h + 1) % cfg.nHeads)}
            data-testid="next-head"
          >
            Show head {(head + 1) % cfg.nHeads}
          </button>
          <span role="status" data-testid="picked">
            {pickedInfo ?? 'Click a cell (or press Enter on it) to select it.'}
          </span>
        </div>
        <AttentionHeatmap
          weights={a0.weights}
          scores={a0.scores}
          mask={a0.mask}
          head={head}
          dHead={dHead}
          queryTokens={a0.queryTokens}
          keyTokens={a0.keyTokens}
          title={`Decoder layer 0, head ${head}: weights (causal mask)`}
          onSelectCell={setPicked}
          selected={picked}
          headingLevel={3}
          testId="heatmap-weights"
        />
        <AttentionHeatmap
          weights={a0.weights}
          scores={a0.scores}
          mask={a0.mask}
          head={head}
          dHead={dHead}
          show="scores"
          queryTokens={a0.queryTokens}
          keyTokens={a0.keyTokens}
          title={`Decoder layer 0, head ${head}: scores before the mask`}
          testId="heatmap-scores"
        />
      </Entry>
      <Entry id="heatmap-512" title="A 512 × 512 heatmap">
        <AttentionHeatmap
          weights={fx.big.weights}
          scores={fx.big.scores}
          mask={fx.big.mask}
          queryTokens={fx.big.tokens}
          keyTokens={fx.big.tokens}
          colourMap="cividis"
          weightDomain="data"
          title="Encoder layer 0, head 0: 512 tokens (colours scaled to the largest weight)"
          testId="heatmap-512"
        />
      </Entry>
      <Entry id="overviews" title="Head and model overviews">
        <HeadOverview
          weights={dec.layers[open.layer].weights}
          layer={open.layer}
          selectedHead={open.head}
          onSelectHead={(h) => setOpen((o) => ({ ...o, head: h }))}
          queryTokens={dec.layers[open.layer].queryTokens}
          keyTokens={dec.layers[open.layer].keyTokens}
          mask={dec.layers[open.layer].mask}
        />
        <ModelOverview
          layers={dec.layers.map((l) => l.weights)}
          selected={open}
          onSelect={(layer, h) => setOpen({ layer, head: h })}
          queryTokens={dec.tokens}
          keyTokens={dec.tokens}
          mask={dec.layers[0].mask}
        />
        <AttentionHeatmap
          weights={dec.layers[open.layer].weights}
          mask={dec.layers[open.layer].mask}
          scores={dec.layers[open.layer].scores}
          head={open.head}
          dHead={dHead}
          queryTokens={dec.tokens}
          keyTokens={dec.tokens}
          title={`Opened: layer ${open.layer}, head ${open.head}`}
          testId="heatmap-opened"
        />
      </Entry>
      <Entry id="token-lines" title="Token lines">
        <TokenLines
          weights={dec.layers[1].weights}
          queryTokens={dec.tokens}
          keyTokens={dec.tokens}
          title="Decoder layer 1: self-attention"
          testId="token-lines-self"
        />
        <TokenLines
          weights={fx.encdec.cross.weights}
          queryTokens={fx.encdec.tgt}
          keyTokens={fx.encdec.src}
          kind="cross"
          title="Decoder layer 0: cross-attention to the encoder"
          testId="token-lines-cross"
        />
      </Entry>
      <Entry id="matrices" title="Matrix view">
        <MatrixView
          matrix={a0.q}
          head={0}
          name="Q"
          shapeLabel="[S, dHead]"
          rowLabels={dec.tokens}
          title="Q of head 0, decoder layer 0"
          testId="matrix-q"
        />
        <MatrixView
          matrix={embeddings}
          name="Embeddings"
          shapeLabel="[S, dModel]"
          rowLabels={dec.tokens}
          title="Token embeddings × √dModel"
          testId="matrix-embeddings"
        />
        <MatrixView
          matrix={ffn}
          name="FFN activations"
          shapeLabel="[S, dFF]"
          rowLabels={dec.tokens}
          title="Feed-forward activations (after GELU), layer 0"
          testId="matrix-ffn"
        />
        <FfnTopUnits hidden={ffn} tokens={dec.tokens} />
      </Entry>
      <Entry id="multi-head" title="Multi-head attention drawn">
        {/* The fixture is one traced attention sublayer with its tokens: every tensor MultiHead draws. */}
        <MultiHead {...a0} />
      </Entry>
      <Entry id="residual" title="The residual connection">
        <ResidualAdd
          x={need(getTensor(trace, tracePath.stack('decoder', 'input')))}
          delta={a0.output}
          tokens={dec.tokens}
          sublayer="self-attention"
          norm="pre"
        />
        <ResidualAdd
          x={need(getTensor(trace, tracePath.layer('decoder', 0, 'ffnResidual')))}
          delta={need(getTensor(trace, tracePath.layer('decoder', 0, 'ffnOutput')))}
          tokens={dec.tokens}
          sublayer="feed-forward"
          norm="pre"
          testId="residual-ffn"
        />
      </Entry>
      <Entry id="core" title="The attention core">
        <AttentionCore
          attention={a0}
          x={getTensor(trace, tracePath.attention('decoder', 0, 'selfAttention', 'input'))}
          xLabel="X = LayerNorm(x)"
          queryTokens={a0.queryTokens}
          keyTokens={a0.keyTokens}
          head={0}
          initialStage="sum"
        />
      </Entry>
      <Entry id="pipeline" title="The attention pipeline">
        <AttentionPipeline attention={a0} queryTokens={a0.queryTokens} keyTokens={a0.keyTokens} head={0} />
      </Entry>
      <Entry id="masks" title="Mask diagrams">
        <MaskDiagram
          S={6}
          padding={1}
          prefix={3}
          pattern="prefix"
          scores={{ data: rope.scores.data.slice(0, 36), shape: [6, 6] }}
          tokens={rope.queryTokens}
        />
      </Entry>
      <Entry id="positional" title="Positional encodings">
        <SinusoidalPanel S={32} dModel={16} dims={[0, 1, 6, 7]} />
        <PositionSimilarity
          table={sinus}
          title="Sinusoidal positions: PE_m · PE_n (S = 24, dModel = 16)"
          testId="similarity-sinusoidal"
        />
        <MatrixView
          matrix={learned}
          name="Learned positions"
          shapeLabel="[maxLen, dModel]"
          rowLabels={Array.from({ length: cfg.maxLen }, (_, p) => `pos ${p}`)}
          rowTitle="Positions (rows)"
          rowNoun="position"
          title="Learned position table read from the decoder model"
          testId="matrix-learned"
        />
        <RopePanel
          q={rope.q.data.subarray(0, ropeDHead)}
          k={rope.k.data.subarray(0, ropeDHead)}
          qLabel={rope.queryTokens[0]}
          kLabel={rope.keyTokens[0]}
          maxPos={8}
          description="q and k of head 0 at position 0 of a real run (RoPE leaves position 0 unrotated), rotated to positions m and n."
        />
      </Entry>
      <Entry id="architecture" title="Architecture diagrams">
        <p role="status" data-testid="arch-selected">
          Selected stage: {stage ?? 'none'}
        </p>
        <ArchitectureDiagram
          arch="encoder-decoder"
          norm="post"
          nLayers={6}
          nDecoderLayers={6}
          currentStage={stage}
          onSelectStage={setStage}
          testId="arch-encdec"
        />
        <div className="viz-row">
          <ArchitectureDiagram
            arch="encoder-only"
            norm="post"
            nLayers={12}
            currentStage={stage}
            onSelectStage={setStage}
            testId="arch-encoder"
          />
          <ArchitectureDiagram
            arch="decoder-only"
            norm="pre"
            positional="learned"
            nLayers={cfg.nLayers}
            currentStage={stage}
            onSelectStage={setStage}
            testId="arch-decoder"
          />
        </div>
      </Entry>
      <Entry id="output" title="Output: logits → softmax → argmax">
        <OutputBars
          logits={dec.run.logits}
          vocab={dec.model.vocab ?? []}
          positionLabel={dec.tokens[dec.tokens.length - 1]}
        />
      </Entry>
      <Entry id="cost" title="Cost against sequence length">
        <CostPlot />
      </Entry>
    </main>
  );
}
