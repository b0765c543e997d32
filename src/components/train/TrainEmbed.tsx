// The `train` embed (`embed.html?widget=train&task=reverse&pos=none…`): the train playground
// configured from the frame's own query string. An embed never writes the host's URL or history.
import { useMemo } from 'react';
import { parseSettings } from '../../tasks/trainSettings';
import { TrainPlayground } from './TrainPlayground';

export default function TrainEmbed() {
  const { settings, rejected } = useMemo(() => parseSettings(new URLSearchParams(window.location.search)), []);
  return (
    <div data-panel-ready="true" data-testid="train-embed">
      {rejected.length > 0 && (
        <p className="notice" role="status">
          Unknown values for {rejected.join(', ')} were replaced by the defaults.
        </p>
      )}
      <TrainPlayground initial={settings} canOpenInPlayground={false} />
    </div>
  );
}
