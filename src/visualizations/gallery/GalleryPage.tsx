// #/gallery: every visualization panel with fixture data from real runs of the model, for review,
// screenshots and the accessibility check.
import { useMemo, useState } from 'react';
import { galleryFixtures } from '../fixtures';
import { AttentionHeatmap } from '../AttentionHeatmap';

function Entry({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="gallery-entry" data-testid={`gallery-${id}`} aria-labelledby={`gallery-${id}-h`}>
      <h2 id={`gallery-${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

export default function GalleryPage() {
  const fx = useMemo(() => galleryFixtures(), []);
  const [head, setHead] = useState(0);
  const dec = fx.decoder;
  const a0 = dec.layers[0];
  const dHead = dec.model.config.dModel / dec.model.config.nHeads;
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>Gallery</h1>
      <p className="lede">
        Every panel of Attention Atlas, drawn from real runs of the model in <code>src/model</code> on small test models with random
        weights: the numbers are exact, the patterns mean nothing.
      </p>
      <Entry id="heatmap" title="Attention heatmap">
        <AttentionHeatmap
          weights={a0.weights}
          scores={a0.scores}
          mask={a0.mask}
          head={head}
          dHead={dHead}
          queryTokens={a0.queryTokens}
          keyTokens={a0.keyTokens}
          title={`Decoder layer 0, head ${head}: weights (causal mask)`}
          testId="heatmap-weights"
        />
        <button type="button" className="btn" onClick={() => setHead((h) => (h + 1) % dec.model.config.nHeads)}>
          Next head
        </button>
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
          title="Encoder layer 0, head 0: 512 tokens"
          testId="heatmap-512"
        />
      </Entry>
    </main>
  );
}
