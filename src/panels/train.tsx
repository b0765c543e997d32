// `train`: a small model trains live in the lesson; the options are its starting settings.
import { TrainPanel } from '../components/train';
import type { TrainSettings } from '../tasks/trainSettings';
import { definePanel } from './types';

export const trainPanel = definePanel<Partial<TrainSettings>>({
  title: 'Train a transformer',
  render: (o) => <TrainPanel options={o} />,
});
