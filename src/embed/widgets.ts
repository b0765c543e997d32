// Which component draws each widget. Every widget is loaded lazily, so embed.html's first load stays
// small and a page with several frames fetches only what each shows. The model-backed widgets are
// registered panels (widgetPanels.ts says which).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WidgetName } from './params';
import type { WidgetProps } from './widgets/PanelWidget';

const panelWidget = lazy(() => import('./widgets/PanelWidget'));

export const WIDGET_COMPONENTS: Record<WidgetName, LazyExoticComponent<ComponentType<WidgetProps>>> = {
  'attention-heatmap': panelWidget,
  'attention-lines': panelWidget,
  'attention-steps': panelWidget,
  mask: panelWidget,
  'positional-encoding': panelWidget,
  rope: panelWidget,
  architecture: panelWidget,
  'next-token': panelWidget,
  lesson: lazy(() => import('./widgets/LessonWidget')),
  train: lazy(() => import('../components/train/TrainEmbed')), // settings: task, lr, layers, heads, dmodel, pos, norm, seed
};

export { WIDGET_TITLES } from './widgetTitles';
