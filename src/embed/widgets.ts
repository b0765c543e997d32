// Which component draws each widget. Every widget is loaded lazily, so embed.html's first load stays
// small and a page with several frames fetches only what each shows.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WidgetName } from './params';
import type { WidgetProps } from './widgets/LiveWidgets';

const live = (name: keyof typeof import('./widgets/LiveWidgets')) =>
  lazy(() => import('./widgets/LiveWidgets').then((m) => ({ default: m[name] as ComponentType<WidgetProps> })));

export const WIDGET_COMPONENTS: Record<WidgetName, LazyExoticComponent<ComponentType<WidgetProps>>> = {
  'attention-heatmap': live('HeatmapWidget'),
  'attention-lines': live('LinesWidget'),
  'attention-steps': live('StepsWidget'),
  'attention-core': live('CoreWidget'),
  mask: live('MaskWidget'),
  'positional-encoding': live('PositionalWidget'),
  rope: live('RopeWidget'),
  architecture: live('ArchitectureWidget'),
  'next-token': live('NextTokenWidget'),
  lesson: lazy(() => import('./widgets/LessonWidget')),
  train: lazy(() => import('../components/train/TrainEmbed')), // settings: task, lr, layers, heads, dmodel, pos, norm, seed
};

export { WIDGET_TITLES } from './widgetTitles';
