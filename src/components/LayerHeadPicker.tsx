// Layer and head selects for attention panels, shared by lessons and embeds. The options come
// from the loaded model (nLayers of the selected stack, nHeads), so a selection can't leave it.
import { useAtlas } from '../store/atlas';
import { selectModelInfo } from '../store/selectors';

/** `heads: false` for panels of layers without heads (the feed-forward). */
export function LayerHeadPicker({ testIdPrefix, heads = true }: { testIdPrefix: string; heads?: boolean }) {
  const info = useAtlas(selectModelInfo);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const stack = useAtlas((s) => s.stack);
  if (!info) return null;
  const c = info.config;
  const nLayers =
    info.arch === 'encoder-decoder' && stack === 'decoder' ? (c.nDecoderLayers ?? c.nLayers) : c.nLayers;
  const st = useAtlas.getState();
  return (
    <div className="panel-controls" role="group" aria-label={heads ? 'Layer and head' : 'Layer'}>
      <label>
        Layer{' '}
        <select
          value={layer}
          data-testid={`${testIdPrefix}-layer`}
          onChange={(e) => st.setLayer(Number(e.target.value))}
        >
          {Array.from({ length: nLayers }, (_, i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </label>
      {heads && (
        <label>
          Head{' '}
          <select
            value={head}
            data-testid={`${testIdPrefix}-head`}
            onChange={(e) => st.setHead(Number(e.target.value))}
          >
            {Array.from({ length: c.nHeads }, (_, i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
