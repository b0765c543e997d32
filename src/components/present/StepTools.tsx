// The tools of a lesson step: Present (presentation mode from this step), Embed (the `lesson` widget
// at this step) and Copy link (the full app at this step, with the current view).
import { EmbedButton } from '../../embed/EmbedDialog';
import { CopyLinkButton } from '../../embed/ShareTools';
import { PresentButton } from './PresentButton';

export function StepTools({ slug, step }: { slug: string; step: number }) {
  return (
    <div className="step-tools" role="group" aria-label="Present, embed or share this step" data-testid="step-tools">
      <PresentButton slug={slug} step={step} />
      <EmbedButton widget="lesson" extra={{ lesson: slug, step }} what={`step ${step}`} className="btn" />
      <CopyLinkButton />
    </div>
  );
}
