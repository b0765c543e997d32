// The playground's train mode (#/playground?mode=train&task=…): the settings live in the URL, so a
// configuration can be shared; the URL is rewritten (replaceState) when the learner changes one.
import { useMemo } from 'react';
import { parseHash } from '../router';
import { useLocation } from '../useLocation';
import { parseSettings, settingsToParams, type TrainSettings } from '../../tasks/trainSettings';
import { ModeTabs } from './ModeTabs';
import { TrainPlayground } from './TrainPlayground';

/** Writes the settings into the hash's query, keeping the route and any other parameters. */
export function writeSettingsToHash(s: TrainSettings): void {
  const raw = window.location.hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw || '/' : raw.slice(0, q);
  const params = parseHash(window.location.hash).params;
  for (const [k, v] of settingsToParams(s)) params.set(k, v);
  window.history.replaceState(window.history.state, '', `#${path}?${params.toString()}`);
}

export default function TrainPage() {
  // Re-rendered only on navigation (hashchange): the controls' own writes use replaceState, so a
  // new key means a link to another configuration was followed, and the run restarts with it.
  const { params } = useLocation();
  const query = params.toString();
  const { settings, rejected } = useMemo(() => parseSettings(new URLSearchParams(query)), [query]);
  return (
    <>
      <ModeTabs current="train" />
      <main id="main" className="page playground" tabIndex={-1} data-testid="train-page">
        <h1>Train a transformer</h1>
        <p className="lede">
          Pick a task and press Train: a small transformer learns it here, in a worker of its own, and you
          watch the loss fall and its attention sharpen from uniform to the pattern that solves the task.
          Every setting is in the address, so a link reproduces the run.
        </p>
        {rejected.length > 0 && (
          <p className="notice" role="status" data-testid="train-rejected">
            Unknown values for {rejected.join(', ')} in the address were replaced by the defaults.
          </p>
        )}
        <TrainPlayground key={settingsToParams(settings).toString()} initial={settings} onSettingsChange={writeSettingsToHash} />
      </main>
    </>
  );
}
