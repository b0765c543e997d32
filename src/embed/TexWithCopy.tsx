// A display formula with a "Copy LaTeX" button: the source goes to the clipboard as written by us.
import { useState } from 'react';
import { Tex } from '../visualizations/Tex';
import './dialog.css';

export function TexWithCopy({ tex, children }: { tex: string; children?: React.ReactNode }) {
  const [said, setSaid] = useState('');
  const copyTex = async () => {
    try {
      await navigator.clipboard.writeText(tex);
      setSaid('LaTeX copied.');
    } catch {
      setSaid(`LaTeX: ${tex}`);
    }
  };
  return (
    <div className="tex-copy">
      {children ?? <Tex display>{tex}</Tex>}
      <button type="button" className="btn tex-copy-btn" onClick={() => void copyTex()} data-testid="copy-latex" data-tex={tex} aria-label="Copy this formula as LaTeX">
        LaTeX
      </button>
      <span role="status" className="visually-hidden">
        {said}
      </span>
    </div>
  );
}
