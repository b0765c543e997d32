// Buttons that switch between the two grammar models (same vocabulary): decoder-only grammar
// (pre-norm, causal) and encoder-only masked-grammar (post-norm, full). Each switch also sets the
// mask the model was trained with, so the same text runs the way each model expects.
import { useAtlas } from '../../../store/atlas';
import './widgets.css';

export const GRAMMAR_PAIR = [
  { model: 'grammar', label: 'grammar: decoder-only, pre-norm, causal', stack: 'decoder', mask: 'causal' },
  { model: 'masked-grammar', label: 'masked-grammar: encoder-only, post-norm, full', stack: 'encoder', mask: 'full' },
] as const;

export function ModelPair({ caption = 'Same text, two models:' }: { caption?: string }) {
  const modelName = useAtlas((s) => s.modelName);
  return (
    <div className="widget-controls" role="group" aria-label="Model">
      <span>{caption}</span>
      {GRAMMAR_PAIR.map((c) => (
        <button
          key={c.model}
          type="button"
          className="btn"
          aria-pressed={modelName === c.model}
          data-testid={`pair-model-${c.model}`}
          onClick={() => useAtlas.getState().applyView({ model: c.model, stack: c.stack, mask: c.mask, layer: 0, head: 0 })}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
