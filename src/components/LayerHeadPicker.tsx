// Layer and head selects for attention panels, shared by lessons and embeds. The options come
// from the loaded model (nLayers of the selected stack, nHeads), so a selection can't leave it.
import { useAtlas } from '../store/atlas';
import { selectModelInfo } from '../store/selectors';
import { IndexSelect } from './IndexSelect';

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
      <IndexSelect label="Layer" count={nLayers} value={layer} testId={`${testIdPrefix}-layer`} onChange={st.setLayer} />
      {heads && <IndexSelect label="Head" count={c.nHeads} value={head} testId={`${testIdPrefix}-head`} onChange={st.setHead} />}
    </div>
  );
}
