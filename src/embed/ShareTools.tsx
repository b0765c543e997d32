// Share tools for a page that is not a lesson step (the playground): an Embed button per widget the
// page shows, for exactly the current view, and "Copy link" for the full app.
import { useState } from 'react';
import { EmbedButton, currentAppLink } from './EmbedDialog';
import type { WidgetName } from './params';
import { WIDGET_TITLES } from './widgetTitles';

/** Copies the app link for the current view; says where it could not. */
export function CopyLinkButton() {
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
    <>
      <button type="button" className="btn" onClick={() => void copyLink()} data-testid="copy-link">
        Copy link
      </button>
      <span role="status" className="step-tools-said">
        {said}
      </span>
    </>
  );
}

export function ShareTools({ widgets }: { widgets: readonly WidgetName[] }) {
  return (
    <div className="step-tools" role="group" aria-label="Embed or share this view" data-testid="share-tools">
      {widgets.map((w) => (
        <EmbedButton key={w} widget={w} what={WIDGET_TITLES[w].toLowerCase()} label={`Embed ${WIDGET_TITLES[w].toLowerCase()}`} className="btn" />
      ))}
      <CopyLinkButton />
    </div>
  );
}
