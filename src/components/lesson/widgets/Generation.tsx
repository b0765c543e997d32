// Lesson 12, inference: generation one token at a time on the live model. Each press runs the
// decoder on what it has written so far, appends the most likely next token, and feeds it back.
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo } from '../../../store/selectors';
import { atlasActions } from '../../../store/runtime';
import { LiveState } from '../../../panels/LiveState';
import { useStackPieces } from './stats';
import './widgets.css';

const show = (p: string) => (p === ' ' ? '␣' : p);

export function Generation() {
  const info = useAtlas(selectModelInfo);
  const generating = useAtlas((s) => s.generating);
  const src = useAtlas((s) => s.src);
  const tgt = useAtlas((s) => s.tgt);
  const input = useAtlas((s) => s.input);
  const decoderPieces = useStackPieces('decoder');
  const ready = !!info && info.arch === 'encoder-decoder' && !!input && decoderPieces.length > 0;
  const full = !!info && decoderPieces.length >= info.config.maxLen;
  return (
    <LiveState ready={ready}>
      {ready && (
        <div data-testid="generation" data-generating={generating ? 'true' : 'false'}>
          <p>
            Source: <span className="widget-out">{src}</span>
          </p>
          <p>
            Written so far:{' '}
            <span className="widget-out" data-testid="gen-output" aria-live="polite">
              {tgt || '(nothing yet)'}
            </span>
          </p>
          <div className="widget-row" role="list" aria-label="Decoder input tokens">
            {decoderPieces.map((p, i) => (
              <span role="listitem" key={i} className="widget-chip">
                <span className="widget-chip-char">{show(p)}</span>
                <span className="widget-chip-pos">{i}</span>
              </span>
            ))}
          </div>
          <div className="widget-controls">
            <button type="button" className="btn" data-testid="gen-clear" disabled={generating} onClick={() => useAtlas.getState().setTarget('')}>
              Start over
            </button>
            <button type="button" className="btn btn-primary" data-testid="gen-one" disabled={generating || full} onClick={() => atlasActions.generate(1)}>
              Generate one token
            </button>
            <button type="button" className="btn" data-testid="gen-all" disabled={generating || full} onClick={() => atlasActions.generate()}>
              Generate to the end
            </button>
            {generating && (
              <button type="button" className="btn" data-testid="gen-stop" onClick={() => atlasActions.cancel()}>
                Stop
              </button>
            )}
          </div>
        </div>
      )}
    </LiveState>
  );
}
