// `input` and `tokens`: the input box and token chips bound to the live model's input;
// optionally a model picker and the mask/layer/head controls.
import { useAtlas } from '../store/atlas';
import { selectModelInfo } from '../store/selectors';
import { InputEditor } from '../components/playground/InputEditor';
import { ViewControls } from '../components/playground/ViewControls';
import '../components/playground/playground.css';
import { LiveState } from './LiveState';
import { definePanel } from './types';

export interface InputOptions {
  pickModel?: boolean;
  pickMask?: boolean;
}

function ModelPicker() {
  const catalog = useAtlas((s) => s.catalog);
  const name = useAtlas((s) => s.modelName);
  return (
    <div className="model-picker" role="group" aria-label="Model">
      <span>Model:</span>
      {catalog.map((m) => (
        <button
          key={m.name}
          type="button"
          className="btn"
          aria-pressed={m.name === name}
          data-testid={`pick-model-${m.name}`}
          onClick={() => useAtlas.getState().applyView({ model: m.name, layer: 0, head: 0 })}
        >
          {m.name}
        </button>
      ))}
    </div>
  );
}

function InputPanel({ pickModel, pickMask }: InputOptions) {
  const info = useAtlas(selectModelInfo);
  const input = useAtlas((s) => s.input);
  return (
    <LiveState ready={!!info && !!input}>
      {pickModel && <ModelPicker />}
      <InputEditor />
      {pickMask && <ViewControls />}
    </LiveState>
  );
}

export const inputPanel = definePanel<InputOptions>({ title: 'Input', selfTitled: true, render: (o) => <InputPanel {...o} /> });
export const tokensPanel = definePanel<InputOptions>({ title: 'Tokens', selfTitled: true, render: (o) => <InputPanel {...o} /> });
