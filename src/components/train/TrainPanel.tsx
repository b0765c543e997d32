// The train playground inside a lesson step (panel id `train`): the step's options choose the
// starting settings (`task`, `pos`, …); a link opens the same run in the playground.
import { useMemo, useState } from 'react';
import { defaultSettings, parseSettings, settingsToParams, type TrainSettings } from '../../tasks/trainSettings';
import { TrainPlayground } from './TrainPlayground';

export default function TrainPanel({ options }: { options: Partial<TrainSettings> }) {
  // Through the URL codec, so a step's settings are checked exactly as a shared link's are.
  const initial = useMemo(() => parseSettings(settingsToParams({ ...defaultSettings(options.task), ...options })).settings, [options]);
  const key = settingsToParams(initial).toString(); // a new step's options start a new run
  // the learner's changes, remembered for the run they belong to (a new step starts from its options)
  const [changed, setChanged] = useState<{ key: string; settings: TrainSettings } | null>(null);
  const current = changed?.key === key ? changed.settings : initial;
  return (
    <div data-panel-ready="true">
      <TrainPlayground key={key} initial={initial} onSettingsChange={(settings) => setChanged({ key, settings })} />
      <p>
        <a href={`#/playground?mode=train&${settingsToParams(current).toString()}`} data-testid="train-open-mode">
          Open this configuration in the playground
        </a>
      </p>
    </div>
  );
}
