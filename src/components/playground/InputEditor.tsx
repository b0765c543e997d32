// Typing the input: one text for encoder-only and decoder-only models, a source and a target for an
// encoder-decoder (with a button that generates the target token by token), each with its token chips.
import { useId } from 'react';
import { useAtlas } from '../../store/atlas';
import { atlasActions } from '../../store/runtime';
import { selectInput, selectModelInfo } from '../../store/selectors';
import { TokenChips } from './TokenChips';

/** Marks the keystroke for the keystroke → heatmap benchmark (docs/performance.md). */
const markInput = () => performance.mark('atlas:input');

/** The input fields of the loaded model and the tokens they become. */
export function InputEditor() {
  const info = useAtlas(selectModelInfo);
  const input = useAtlas(selectInput);
  const text = useAtlas((s) => s.text);
  const src = useAtlas((s) => s.src);
  const tgt = useAtlas((s) => s.tgt);
  const generating = useAtlas((s) => s.generating);
  const id = useId();
  if (!info) return null;
  const maxLen = info.config.maxLen;
  const pieceHint =
    info.tokenizer === 'hf' ? `${info.hf?.tokenizerKind ?? 'its own'} pieces from tokenizer.json` : info.tokenizer === 'char' ? 'one token per character' : 'one token per word';
  const canGenerate = info.tokenizer !== 'hf'; // HF tokens are decoded in the worker; generation comes later

  return (
    <section className="pg-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Input</h2>
      {info.arch === 'encoder-decoder' ? (
        <>
          <label htmlFor={`${id}-src`}>Source (read by the encoder; {pieceHint})</label>
          <input
            id={`${id}-src`}
            className="pg-text"
            data-testid="input-src"
            value={src}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              markInput();
              useAtlas.getState().setSource(e.target.value);
            }}
          />
          {input?.kind === 'pair' && <TokenChips seq={input.src} label="Source tokens" maxLen={maxLen} testId="token-chips-src" />}
          <label htmlFor={`${id}-tgt`}>Target (read by the decoder, after &lt;bos&gt;)</label>
          <div className="pg-row">
            <input
              id={`${id}-tgt`}
              className="pg-text"
              data-testid="input-tgt"
              value={tgt}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => {
                markInput();
                useAtlas.getState().setTarget(e.target.value);
              }}
            />
            {canGenerate && <GenerateButton generating={generating} label="Generate the target" />}
          </div>
          {input?.kind === 'pair' && <TokenChips seq={input.tgt} label="Target tokens" maxLen={maxLen} testId="token-chips-tgt" />}
        </>
      ) : (
        <>
          <label htmlFor={`${id}-text`}>Text ({pieceHint})</label>
          <div className="pg-row">
            <input
              id={`${id}-text`}
              className="pg-text"
              data-testid="input-text"
              value={text}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => {
                markInput();
                useAtlas.getState().setText(e.target.value);
              }}
            />
            {info.arch === 'decoder-only' && canGenerate && <GenerateButton generating={generating} label="Continue the text" />}
          </div>
          {input?.kind === 'single' && <TokenChips seq={input.seq} label="Tokens" maxLen={maxLen} />}
        </>
      )}
    </section>
  );
}

function GenerateButton({ generating, label }: { generating: boolean; label: string }) {
  return generating ? (
    <button type="button" className="btn" data-testid="generate-stop" onClick={() => atlasActions.cancel()}>
      Stop
    </button>
  ) : (
    <button type="button" className="btn btn-primary" data-testid="generate" onClick={() => atlasActions.generate()}>
      {label}, token by token
    </button>
  );
}
