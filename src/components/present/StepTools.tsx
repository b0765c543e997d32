// The tools of a lesson step: Present (presentation mode from this step), Embed (the `lesson` widget
// at this step) and Copy link (the full app at this step, with the current view).
import { useState } from 'react';
import { EmbedButton, currentAppLink } from '../../embed/EmbedDialog';
import { PresentButton } from './PresentButton';

export function StepTools({ slug, step }: { slug: string; step: number }) {
  const [said, setSaid] = useState('');
  const copyLink = async () => {
    const link = currentAppLink();
    try {
      await navigator.clipboard.writeText(link);
      setSaid('Link copied.');
    } catch {
      setSaid(`Copy this link: ${link}`);
    }
  };
  return (
    <div className="step-tools" role="group" aria-label="Present, embed or share this step" data-testid="step-tools">
      <PresentButton slug={slug} step={step} />
      <EmbedButton widget="lesson" extra={{ lesson: slug, step }} what={`step ${step}`} />
      <button type="button" className="btn" onClick={() => void copyLink()} data-testid="copy-link">
        Copy link
      </button>
      <span role="status" className="step-tools-said">
        {said}
      </span>
    </div>
  );
}
