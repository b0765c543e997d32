// The embed's model-backed widgets: each is one registered panel (src/panels), fed by the store
// (filled by the engine, in a worker or on the main thread). Loaded lazily.
import { InputEditor } from '../../components/playground/InputEditor';
import '../../components/playground/playground.css';
import { LivePanel } from '../../panels/LivePanel';
import { embedContext } from '../../panels/context';
import type { EmbedConfig } from '../params';
import { panelOfWidget, type PanelWidgetName } from '../widgetPanels';

export interface WidgetProps {
  config: EmbedConfig;
}

/** The widget's panel; with controls=full, readers can type their own text above it. */
export default function PanelWidget({ config }: WidgetProps) {
  return (
    <>
      {config.controls === 'full' && (
        <div className="embed-controls">
          <InputEditor />
        </div>
      )}
      <LivePanel spec={panelOfWidget(config.widget as PanelWidgetName, config)} ctx={embedContext(config.controls)} />
    </>
  );
}
