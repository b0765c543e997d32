// Lesson 12: what a KV cache keeps during generation, on the live run. After each generated token
// the decoder's self-attention keys and values have one row per position written so far; with a
// cache only the newest row is computed, the others are read back. The counts of multiply-adds
// per token with and without a cache come from the model's config (counted, not timed).
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { LiveState } from '../../../panels/LiveState';
import { useStackPieces } from './stats';
import './widgets.css';

/** Multiply-adds of one decoder layer of self-attention + FFN (cross-attention of the new rows
 *  included) when `rows` positions are computed against `keys` keys of a source of `src`. */
export function decoderLayerWork(rows: number, keys: number, src: number, dModel: number, dFF: number, withCross: boolean): number {
  const selfAttn = rows * 4 * dModel * dModel + 2 * rows * keys * dModel; // Q,K,V,O projections; scores and weights·V
  const cross = withCross ? rows * 2 * dModel * dModel + 2 * rows * src * dModel : 0; // Q and O of the new rows (K, V of the source are computed once)
  const ffn = rows * 2 * dModel * dFF;
  return selfAttn + cross + ffn;
}

/** Work to produce token t (1-based) without a cache (all t positions again) and with one (only position t). */
export function tokenWork(t: number, src: number, dModel: number, dFF: number, layers: number, withCross: boolean): { without: number; with: number } {
  return {
    without: layers * decoderLayerWork(t, t, src, dModel, dFF, withCross),
    with: layers * decoderLayerWork(1, t, src, dModel, dFF, withCross),
  };
}

export function KvCache() {
  const info = useAtlas(selectModelInfo);
  const pieces = useStackPieces('decoder');
  const srcPieces = useStackPieces('encoder');
  const k = useTraceTensor<Tensor>(tracePath.attention('decoder', 0, 'selfAttention', 'k')); // [nHeads, T, dHead]
  const ready = !!info && !!k && pieces.length > 0 && k.shape[1] === pieces.length;
  if (!ready || !info || !k) return <LiveState ready={false}>{null}</LiveState>;
  const c = info.config;
  const layers = info.arch === 'encoder-decoder' ? (c.nDecoderLayers ?? c.nLayers) : c.nLayers;
  const T = pieces.length;
  const rows = Array.from({ length: T }, (_, i) => tokenWork(i + 1, srcPieces.length, c.dModel, c.dFF, layers, info.arch === 'encoder-decoder'));
  const total = rows.reduce((s, r) => ({ without: s.without + r.without, with: s.with + r.with }), { without: 0, with: 0 });
  return (
    <LiveState ready>
      <div data-testid="kv-cache" data-rows={T}>
        <p>
          The cache after {T} decoder position{T === 1 ? '' : 's'}: {layers} layer{layers === 1 ? '' : 's'} × (K and V) × {T} rows of {c.dModel} numbers ={' '}
          <span className="mono" data-testid="kv-cache-size">{layers * 2 * T * c.dModel}</span> numbers kept. Each new token adds one row to every K and V.
        </p>
        <div className="widget-row" role="list" aria-label="Cached key and value rows, one per position">
          {pieces.map((p, i) => (
            <span role="listitem" key={i} className={`widget-chip${i === T - 1 ? ' is-top' : ''}`} aria-label={`position ${i}, ${p}: ${i === T - 1 ? 'newest row, computed now' : 'read from the cache'}`}>
              <span className="widget-chip-char">{p === ' ' ? '␣' : p}</span>
              <span className="widget-chip-pos">{i === T - 1 ? 'new' : 'cached'}</span>
            </span>
          ))}
        </div>
        <table className="data-table widget-table">
          <caption>Multiply-adds of the decoder to produce each token (counted from the config, not timed)</caption>
          <thead>
            <tr>
              <th scope="col">token</th>
              <th scope="col">without a cache</th>
              <th scope="col">with a KV cache</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td className="mono">{i + 1}</td>
                <td className="mono">{r.without.toLocaleString('en')}</td>
                <td className="mono">{r.with.toLocaleString('en')}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">all {T}</th>
              <td className="mono" data-testid="kv-without">{total.without.toLocaleString('en')}</td>
              <td className="mono" data-testid="kv-with">{total.with.toLocaleString('en')}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </LiveState>
  );
}
