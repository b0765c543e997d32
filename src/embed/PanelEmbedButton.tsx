// The Embed button of a lesson panel: the panel id mapped to its embeddable widget; a panel with no
// widget of its own (the input box, a matrix, …) embeds its lesson step instead.
import type { PanelRef } from '../lessons/types';
import { useLocation } from '../components/useLocation';
import { EmbedButton } from './EmbedDialog';
import { widgetOfPanel } from './widgetPanels';


export function PanelEmbedButton({ panelRef, title }: { panelRef: PanelRef; title: string }) {
  const { route } = useLocation();
  const own = widgetOfPanel(panelRef);
  const w = own ?? (route.name === 'lesson' ? { widget: 'lesson' as const, extra: { lesson: route.slug, step: route.step } } : null);
  if (!w) return null;
  return (
    <span className="lesson-panel-tools">
      <EmbedButton widget={w.widget} extra={w.extra} what={title} />
    </span>
  );
}
