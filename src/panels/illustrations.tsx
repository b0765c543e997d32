// Illustrations drawn from their own data (labelled as such by the lesson frame): the RNN against
// the transformer, a fixed context window, Cover's theorem.
import { SequentialVsParallel } from '../components/lesson/widgets/SequentialVsParallel';
import { ContextWindow } from '../components/lesson/widgets/ContextWindow';
import { Cover } from '../components/lesson/widgets/Cover';
import { definePanel, ready } from './types';

export const sequentialVsParallelPanel = definePanel<{ text?: string }>({
  title: 'Sequential versus parallel',
  render: (o) => ready(<SequentialVsParallel text={o.text} />),
});

export const contextWindowPanel = definePanel<{ window?: number }>({
  title: 'A fixed context window',
  render: (o) => ready(<ContextWindow initialWindow={o.window} />),
});

export const coverPanel = definePanel({
  title: 'Lifting points into more dimensions',
  render: () => ready(<Cover />),
});
