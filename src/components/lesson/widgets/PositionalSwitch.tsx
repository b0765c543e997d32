// Lesson 3's switch: runs the loaded model with its own positional scheme, the sinusoidal table or
// no positions (forward's options.positional, through the store), so the panels beside it change live.
import { useEffect } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo } from '../../../store/selectors';
import type { PositionalChoice } from '../../../store/types';
import { LiveState } from '../../../panels/LiveState';

const LABELS: Record<PositionalChoice, string> = {
  sinusoidal: 'Sinusoidal table',
  learned: 'Learned table',
  rope: 'RoPE',
  none: 'None',
};

/** The scheme's name inside a sentence. */
const IN_PROSE: Record<PositionalChoice, string> = {
  sinusoidal: 'the sinusoidal table',
  learned: 'the learned table',
  rope: 'RoPE',
  none: 'no positions',
};

/** The schemes offered: the model's own first, then sinusoidal (when dModel is even) and none. */
export function choicesFor(own: PositionalChoice, dModel: number): PositionalChoice[] {
  const out: PositionalChoice[] = [own];
  if (own !== 'sinusoidal' && dModel % 2 === 0) out.push('sinusoidal');
  if (own !== 'none') out.push('none');
  return out;
}

/** A radio group (arrow keys move between the options) bound to the store's positional override. */
export function PositionalSwitch() {
  const info = useAtlas(selectModelInfo);
  const positional = useAtlas((s) => s.positional);
  const setPositional = useAtlas((s) => s.setPositional);
  const runStatus = useAtlas((s) => s.runStatus);
  const own = info?.config.positional;
  const choices = own && info ? choicesFor(own, info.config.dModel) : [];
  const current = positional ?? own;
  // An override this model cannot run (say, left over from a link) falls back to its own scheme.
  useEffect(() => {
    if (own && positional && !choices.includes(positional)) setPositional(null);
  });
  return (
    <LiveState ready={!!info && choices.length > 0}>
      {info && own && (
        <fieldset className="model-picker positional-switch" data-testid="positional-switch" style={{ border: 0, padding: 0 }}>
          <legend>Positional scheme for this run of “{info.name}”</legend>
          {choices.map((c) => (
            <label key={c} style={{ display: 'inline-flex', gap: '0.3rem', alignItems: 'center', marginRight: '0.8rem' }}>
              <input
                type="radio"
                name="positional-scheme"
                value={c}
                data-testid={`positional-${c}`}
                checked={current === c}
                onChange={() => setPositional(c === own ? null : c)}
              />
              {LABELS[c]}
              {c === own ? ' (trained with)' : ''}
            </label>
          ))}
          <p className="pg-muted" role="status" data-testid="positional-status">
            {current === own
              ? `Running with ${IN_PROSE[own]}, the scheme the model was trained with.`
              : `Running with ${IN_PROSE[current ?? own]} in place of ${IN_PROSE[own]}: the same weights, a scheme they were not trained for.`}
            {runStatus === 'running' ? ' Computing…' : ''}
          </p>
        </fieldset>
      )}
    </LiveState>
  );
}
