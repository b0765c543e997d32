// Choosing what to look at and how the model runs: stack, self/cross-attention, layer, head, the
// self-attention mask of the last stack (with the prefix length), and the softmax temperature.
import { useId } from 'react';
import { useAtlas } from '../../store/atlas';
import { defaultMask } from '../../store/runInput';
import { selectModelInfo } from '../../store/selectors';
import type { ColorMap, MaskChoice, MotionChoice } from '../../store/types';
import { IndexSelect } from '../IndexSelect';
import { TemperatureRange } from '../TemperatureRange';


/** Selects for stack, attention, layer and head; radio buttons for the mask; a temperature slider. */
export function ViewControls() {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const attention = useAtlas((s) => s.attention);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const mask = useAtlas((s) => s.mask);
  const prefix = useAtlas((s) => s.prefix);
  const temperature = useAtlas((s) => s.temperature);
  const input = useAtlas((s) => s.input);
  const id = useId();
  if (!info) return null;
  const st = useAtlas.getState();
  const c = info.config;
  const encDec = info.arch === 'encoder-decoder';
  const nLayers = encDec && stack === 'decoder' ? (c.nDecoderLayers ?? c.nLayers) : c.nLayers;
  const shownMask = mask ?? defaultMask(info.arch);
  const lastStack = info.arch === 'encoder-only' ? 'encoder' : 'decoder';
  const maxPrefix = input ? (input.kind === 'single' ? input.seq.tokens.length : input.tgt.tokens.length) : c.maxLen;

  return (
    <section className="pg-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>View</h2>
      <div className="pg-controls">
        {encDec && (
          <label>
            Stack{' '}
            <select
              data-testid="select-stack"
              value={stack}
              onChange={(e) => {
                const next = e.target.value as 'encoder' | 'decoder';
                st.applyView({
                  stack: next,
                  attention: next === 'encoder' ? 'selfAttention' : attention,
                  layer: Math.min(layer, (next === 'decoder' ? (c.nDecoderLayers ?? c.nLayers) : c.nLayers) - 1),
                });
              }}
            >
              <option value="encoder">encoder</option>
              <option value="decoder">decoder</option>
            </select>
          </label>
        )}
        {encDec && stack === 'decoder' && (
          <label>
            Attention{' '}
            <select data-testid="select-attention" value={attention} onChange={(e) => st.setAttention(e.target.value as 'selfAttention' | 'crossAttention')}>
              <option value="selfAttention">self-attention</option>
              <option value="crossAttention">cross-attention</option>
            </select>
          </label>
        )}
        <IndexSelect label="Layer" count={nLayers} value={layer} testId="select-layer" onChange={st.setLayer} />
        <IndexSelect label="Head" count={c.nHeads} value={head} testId="select-head" onChange={st.setHead} />
        <label>
          Temperature{' '}
          <TemperatureRange testId="temperature" />{' '}
          <output>{temperature.toFixed(1)}</output>
        </label>
      </div>
      <fieldset className="pg-mask">
        <legend>Mask of the {lastStack}’s self-attention</legend>
        {(['full', 'causal', 'prefix'] as MaskChoice[]).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mask`} value={m} checked={shownMask === m} data-testid={`mask-${m}`} onChange={() => st.setMask(m)} /> {m}
          </label>
        ))}
        {shownMask === 'prefix' && (
          <label>
            prefix length{' '}
            <input
              type="number"
              min={0}
              max={maxPrefix}
              value={prefix}
              data-testid="mask-prefix-length"
              onChange={(e) => st.setMask('prefix', Math.max(0, Math.min(c.maxLen, Math.round(Number(e.target.value) || 0))))}
            />
          </label>
        )}
        {mask !== null && mask !== defaultMask(info.arch) && (
          <p className="pg-muted">The model was trained with a {defaultMask(info.arch)} mask; other masks show what changes.</p>
        )}
      </fieldset>
      <DisplayPreferences />
    </section>
  );
}

/** Colour map and motion: preferences, remembered in this browser (localStorage). */
function DisplayPreferences() {
  const colorMap = useAtlas((s) => s.colorMap);
  const motion = useAtlas((s) => s.motion);
  const st = useAtlas.getState();
  return (
    <div className="pg-controls pg-prefs">
      <label>
        Colour map{' '}
        <select data-testid="pref-colormap" value={colorMap} onChange={(e) => st.setColorMap(e.target.value as ColorMap)}>
          <option value="viridis">viridis</option>
          <option value="cividis">cividis</option>
        </select>
      </label>
      <label>
        Motion{' '}
        <select data-testid="pref-motion" value={motion} onChange={(e) => st.setMotion(e.target.value as MotionChoice)}>
          <option value="system">as the system</option>
          <option value="reduce">reduced</option>
          <option value="full">full</option>
        </select>
      </label>
    </div>
  );
}
