// The train playground inside a lesson step (panel id `train`): the step's options choose the
// starting settings (`task`, `pos`, …, as in the URL); a link opens the same run in the playground.
import { useMemo, useState } from 'react';
import { parseSettings, settingsToParams, type TrainSettings } from '../../worker/trainSettings';
import { TrainPlayground } from './TrainPlayground';

export default function TrainPanel({ options }: { options: Readonly<Record<string, string | number | boolean>> }) {
  const initial = useMemo(() => parseSettings(new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)]))).settings, [options]);
  const [current, setCurrent] = useState<TrainSettings>(initial);
  const key = settingsToParams(initial).toString(); // a new step's options start a new run
  return (
    <div data-panel-ready="true">
      <TrainPlayground key={key} initial={initial} onSettingsChange={setCurrent} />
      <p>
        <a href={`#/playground?mode=train&${settingsToParams(current).toString()}`} data-testid="train-open-mode">
          Open this configuration in the playground
        </a>
      </p>
    </div>
  );
}
