// Live values of the loaded model that lesson prose quotes with {{name}} (dModel, nHeads, S, …).
import { useAtlas } from '../../store/atlas';
import type { AtlasState } from '../../store/atlas';
import type { LiveValue } from '../../lessons/prose';

/** The value of `name` for the current model and input, as text ('…' until the model has loaded). */
export function liveValue(s: AtlasState, name: LiveValue): string {
  const info = s.modelInfo;
  if (!info) return '…';
  const c = info.config;
  switch (name) {
    case 'model':
      return info.name;
    case 'arch':
      return info.arch;
    case 'dModel':
      return String(c.dModel);
    case 'nHeads':
      return String(c.nHeads);
    case 'dHead':
      return String(c.dModel / c.nHeads);
    case 'dFF':
      return String(c.dFF);
    case 'ffRatio':
      return String(Math.round((c.dFF / c.dModel) * 100) / 100);
    case 'nLayers':
      return String(c.nLayers);
    case 'vocabSize':
      return String(c.vocabSize);
    case 'maxLen':
      return String(c.maxLen);
    case 'positional':
      return c.positional;
    case 'norm':
      return c.norm === 'pre' ? 'pre-norm' : 'post-norm';
    case 'activation':
      return c.activation === 'gelu' ? 'GELU' : 'ReLU';
    case 'embedScale':
      return c.scaleEmbedding === true ? `√${c.dModel} ≈ ${Math.sqrt(c.dModel).toFixed(2)}` : '1 (this model does not scale its embeddings)';
    case 'S': {
      const input = s.input;
      if (!input) return '…';
      if (input.kind === 'single') return String(input.seq.tokens.length);
      return String((s.stack === 'decoder' ? input.tgt : input.src).tokens.length);
    }
  }
}

/** React hook: one live value, re-rendering when it changes. */
export function useLiveValue(name: LiveValue): string {
  return useAtlas((s) => liveValue(s, name));
}
