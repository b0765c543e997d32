// Illustration for lesson 1: a fixed context window over a long text. When predicting the next
// word, only the last `window` words are visible; everything earlier is simply not there.
import { useId, useState } from 'react';

const TEXT =
  'once upon a time a small dog lived by the river . every morning the dog ran to the bridge and barked at the boats . one day a boat stopped and the dog';

export function ContextWindow({ text = TEXT, initialWindow = 8 }: { text?: string; initialWindow?: number }) {
  const words = text.split(/\s+/).filter(Boolean);
  const [win, setWin] = useState(Math.min(initialWindow, words.length));
  const [pos, setPos] = useState(words.length); // predicting the word at index pos
  const winId = useId();
  const posId = useId();
  const start = Math.max(0, pos - win);
  return (
    <div className="context-window" data-testid="context-window">
      <div className="panel-controls">
        <label htmlFor={winId}>window (tokens): {win}</label>
        <input id={winId} type="range" min={2} max={words.length} value={win} onChange={(e) => setWin(Number(e.target.value))} />
        <label htmlFor={posId}>predicting word {pos + 1}</label>
        <input id={posId} type="range" min={1} max={words.length} value={pos} onChange={(e) => setPos(Number(e.target.value))} />
      </div>
      <p className="cw-words" aria-label={`The model sees words ${start + 1} to ${pos}; words 1 to ${start} are outside its window.`}>
        {words.map((w, i) => (
          <span key={i} className={i >= start && i < pos ? 'cw-in' : i < start ? 'cw-out' : 'cw-future'}>
            {w}{' '}
          </span>
        ))}
        <span className="cw-next">?</span>
      </p>
      <p className="svg-small" role="status">
        Visible: {pos - start} words. Forgotten (outside the window): {start} {start === 1 ? 'word' : 'words'}. Not yet written: {words.length - pos}.
      </p>
    </div>
  );
}
