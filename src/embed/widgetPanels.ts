// Which registered panel (src/panels/registry.ts) each model-backed embed widget shows, and with
// which options from the embed's parameters. The lesson Embed button reads it the other way round.
import type { PanelId, PanelOptions, PanelSpec } from '../panels/registry';
import type { PanelRef } from '../lessons/types';
import type { EmbedConfig, WidgetName } from './params';

/** Widgets drawn by one registered panel (`lesson` and `train` have components of their own). */
export type PanelWidgetName = Exclude<WidgetName, 'lesson' | 'train'>;

type Embeddable = { [K in PanelId]: { panel: K; options: (c: EmbedConfig) => PanelOptions<K> } }[PanelId];

export const WIDGET_PANELS: Record<PanelWidgetName, Embeddable> = {
  'attention-heatmap': { panel: 'attention-heatmap', options: (c) => ({ show: c.show }) },
  // One head when the author named one; otherwise every head of the layer.
  'attention-lines': { panel: 'token-lines', options: (c) => ({ oneHead: c.head !== undefined }) },
  'attention-steps': { panel: 'attention-pipeline', options: (c) => ({ step: c.step ?? 1 }) },
  mask: { panel: 'mask', options: () => ({ live: true }) },
  'positional-encoding': { panel: 'positional-encoding', options: () => ({ view: 'formula' }) },
  rope: { panel: 'rope', options: () => ({}) },
  architecture: { panel: 'architecture', options: () => ({}) },
  'next-token': { panel: 'output-bars', options: () => ({}) },
};

/** The panel an embed config shows. */
export function panelOfWidget(widget: PanelWidgetName, config: EmbedConfig): PanelSpec {
  const w = WIDGET_PANELS[widget];
  return { panel: w.panel, options: w.options(config) } as PanelSpec;
}

/** The widget a lesson panel embeds as, if any, with the parameters its options imply. */
export function widgetOfPanel(ref: PanelRef): { widget: WidgetName; extra: Partial<EmbedConfig> } | null {
  const names = Object.keys(WIDGET_PANELS) as PanelWidgetName[];
  const widget = names.find((w) => WIDGET_PANELS[w].panel === ref.panel);
  if (!widget) return null;
  const extra: Partial<EmbedConfig> = {};
  if (ref.panel === 'attention-heatmap' && ref.options?.show === 'scores') extra.show = 'scores';
  return { widget, extra };
}
