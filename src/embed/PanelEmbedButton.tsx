// The Embed button of a lesson panel: the panel id mapped to its embeddable widget; a panel with no
// widget of its own (the input box, a matrix, …) embeds its lesson step instead.
import type { PanelRef } from '../lessons/types';
import { useLocation } from '../components/useLocation';
import { EmbedButton } from './EmbedDialog';
import type { EmbedConfig, WidgetName } from './params';

const WIDGET_OF: Partial<Record<PanelRef['panel'], WidgetName>> = {
  'attention-heatmap': 'attention-heatmap',
  'token-lines': 'attention-lines',
  'attention-pipeline': 'attention-steps',
  'attention-core': 'attention-core',
  mask: 'mask',
  'positional-encoding': 'positional-encoding',
  rope: 'rope',
  architecture: 'architecture',
  'output-bars': 'next-token',
};

/** The widget a lesson panel embeds as, if any. */
export function widgetOfPanel(ref: PanelRef): { widget: WidgetName; extra: Partial<EmbedConfig> } | null {
  const widget = WIDGET_OF[ref.panel];
  if (!widget) return null;
  const extra: Partial<EmbedConfig> = {};
  if (widget === 'attention-heatmap' && ref.options?.show === 'scores') extra.show = 'scores';
  return { widget, extra };
}

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
