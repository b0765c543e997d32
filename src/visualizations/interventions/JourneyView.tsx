// One token's journey: the architecture as a vertical diagram with the live numbers of one position —
// token embedding + position → each layer (which tokens each head read, with what weight; how much
// attention and the feed-forward added to the residual stream) → final norm → logits → prediction.
import { useState } from 'react';
import { formatHeadRef } from '../../model/interventions';
import { PanelFrame } from '../PanelFrame';
import { formatValue } from '../format';
import type { Journey, SublayerStep } from './journey';
import { VectorStrip } from './VectorStrip';
import './interventions.css';

export interface JourneyViewProps {
  journey: Journey;
  arch: 'encoder-only' | 'decoder-only' | 'encoder-decoder';
  norm: 'pre' | 'post';
  positional: string;
  /** Knocked-out heads ("decoder.1.0"), drawn struck through. */
  ablated?: ReadonlySet<string>;
  testId?: string;
}

const pct = (p: number) => `${(100 * p).toFixed(p >= 0.995 || p < 0.001 ? 1 : 0)}%`;
const KIND_TITLE: Record<SublayerStep['kind'], string> = {
  selfAttention: 'Self-attention',
  crossAttention: 'Cross-attention (reads the encoder output)',
  ffn: 'Feed-forward',
};

function NormBar({ value, max, label }: { value: number; max: number; label: string }) {
  const w = Math.max(2, Math.round((value / (max || 1)) * 160));
  return (
    <span>
      <span className="norm-bar" style={{ width: `${w}px` }} aria-hidden="true" /> {label} ‖·‖ = <strong>{formatValue(value)}</strong>
    </span>
  );
}

export function JourneyView({ journey: j, arch, norm, positional, ablated = new Set(), testId = 'journey' }: JourneyViewProps) {
  const [vectors, setVectors] = useState(false);
  const max = Math.max(
    j.embeddingNorm,
    j.positionalNorm,
    j.finalNorm,
    ...j.layers.flatMap((l) => [l.outputNorm, ...l.sublayers.map((s) => s.addedNorm)]),
  );
  const decoder = arch !== 'encoder-only';
  const kindOf = (k: SublayerStep['kind']) => (k === 'crossAttention' ? 'cross' : 'self');
  const where = decoder ? `position ${j.position} (“${j.token}”), which predicts the next token` : `position ${j.position} (“${j.token}”)`;
  return (
    <PanelFrame
      title={`One token's journey: “${j.token}”`}
      description={`The ${j.stack} stream at ${where}, through every layer of this ${arch} model (${norm}-norm). Bars: length (‖·‖) of what each part adds to the residual stream.`}
      testId={testId}
      data={() => ({ position: j.position, token: j.token, layers: j.layers.map((l) => ({ layer: l.layer, added: l.sublayers.map((s) => ({ kind: s.kind, norm: s.addedNorm })), outputNorm: l.outputNorm, lens: l.lens })), top: j.top })}
    >
      <div className="journey-row">
        <button type="button" className="btn" aria-pressed={vectors} onClick={() => setVectors(!vectors)} data-testid="journey-vectors">
          {vectors ? 'Hide the vectors' : 'Show the vectors'}
        </button>
      </div>
      <ol className="journey" aria-label={`Journey of “${j.token}” through the model`}>
        <li>
          <div className="journey-box" data-testid="journey-embedding">
            <h4>Token embedding + position</h4>
            <div className="journey-row">
              <NormBar value={j.embeddingNorm} max={max} label={`E[“${j.token}”]`} />
              <NormBar value={j.positionalNorm} max={max} label={`PE[${j.position}]`} />
            </div>
            {positional === 'rope' && <p className="pg-muted">RoPE: nothing is added for the position here; queries and keys are rotated inside attention.</p>}
            {positional === 'none' && <p className="pg-muted">No positional encoding: the position adds nothing.</p>}
            {vectors && (
              <>
                <VectorStrip values={j.embedding} label="token embedding" />
                <VectorStrip values={j.positional} label="positional vector" />
              </>
            )}
          </div>
        </li>
        {j.layers.map((l) => (
          <li key={l.layer}>
            <div className="journey-box" data-testid={`journey-layer-${l.layer}`}>
              <h4>
                {j.stack === 'encoder' ? 'Encoder' : 'Decoder'} layer {l.layer}
              </h4>
              {l.sublayers.map((s) => (
                <div key={s.kind}>
                  <h5>{KIND_TITLE[s.kind]}</h5>
                  {s.heads.length > 0 && (
                    <ul className="journey-heads" aria-label={`${KIND_TITLE[s.kind]}: what each head read`}>
                      {s.heads.map((h) => {
                        const ref = formatHeadRef({ stack: j.stack, layer: l.layer, head: h.head, kind: kindOf(s.kind) });
                        const off = ablated.has(ref);
                        return (
                          <li key={h.head} className={off ? 'journey-ablated' : undefined} data-testid={`journey-head-${ref}`}>
                            head {h.head}
                            {off ? ' (knocked out; its weights as computed)' : ''}:{' '}
                            {h.reads.map((r, i) => (
                              <span key={r.key} className="journey-read">
                                {i > 0 && <>, </>}
                                “{r.token}”<sub>{r.key}</sub>{' '}
                                {formatValue(r.weight)}
                              </span>
                            ))}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  <div className="journey-row">
                    <NormBar value={s.addedNorm} max={max} label="adds" />
                  </div>
                  {vectors && <VectorStrip values={s.added} label={`what ${KIND_TITLE[s.kind].toLowerCase()} adds`} />}
                </div>
              ))}
              <div className="journey-row">
                <NormBar value={l.outputNorm} max={max} label="residual stream after the layer" />
              </div>
              {l.lens && (
                <p className="journey-row" data-testid={`journey-lens-${l.layer}`}>
                  Logit lens here: {l.lens.map((t, i) => `${i ? ', ' : ''}“${t.token}” ${pct(t.p)}`).join('')}
                </p>
              )}
              {vectors && <VectorStrip values={l.output} label="residual stream" />}
            </div>
          </li>
        ))}
        <li>
          <div className="journey-box" data-testid="journey-prediction">
            <h4>Final norm → de-embedding → softmax</h4>
            <div className="journey-row">
              <NormBar value={j.finalNorm} max={max} label="stream the de-embedding reads" />
            </div>
            <p>
              {decoder ? 'Next token' : 'Prediction at this position'}: <strong data-testid="journey-top">“{j.top[0].token}”</strong> {pct(j.top[0].p)}
              {j.top.slice(1).map((t) => `, “${t.token}” ${pct(t.p)}`).join('')}
            </p>
          </div>
        </li>
      </ol>
    </PanelFrame>
  );
}
