// Human titles of the embeddable widgets (iframe titles, headings for screen readers).
import type { WidgetName } from './params';

/** A human title per widget (the iframe's `title`, the frame's heading for screen readers). */
export const WIDGET_TITLES: Record<WidgetName, string> = {
  'attention-heatmap': 'Attention heatmap',
  'attention-lines': 'Attention as token lines',
  'attention-steps': 'The attention pipeline step by step',
  'attention-core': 'The attention core: Q, K, V, weights and the weighted sum',
  mask: 'Attention masks',
  'positional-encoding': 'Sinusoidal positional encoding',
  rope: 'Rotary position embedding',
  architecture: 'Transformer architecture',
  'next-token': 'Next-token probabilities',
  lesson: 'Lesson',
  train: 'Train a transformer',
};
