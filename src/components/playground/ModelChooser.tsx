// Choosing a model: a shipped one from public/models, or the user's own .safetensors file by
// file picker or drag-and-drop (validated by the model's own checks; a refusal shows its reason).
import { useId } from 'react';
import { useAtlas } from '../../store/atlas';
import { atlasActions } from '../../store/runtime';
import { selectCatalog, selectModelError, selectModelInfo, selectModelStatus } from '../../store/selectors';
import { CheckpointOpener } from './CheckpointOpener';
import { DropZone } from './DropZone';

const selectModelName = (s: { modelName: string | null }) => s.modelName;
const selectModelSource = (s: { modelSource: 'shipped' | 'file' | 'hub' | null }) => s.modelSource;

/** The model picker with its file drop zone and the loaded model's card. */
export function ModelChooser() {
  const catalog = useAtlas(selectCatalog);
  const catalogStatus = useAtlas((s) => s.catalogStatus);
  const name = useAtlas(selectModelName);
  const source = useAtlas(selectModelSource);
  const status = useAtlas(selectModelStatus);
  const error = useAtlas(selectModelError);
  const info = useAtlas(selectModelInfo);
  const selectId = useId();
  const fileId = useId();

  const open = (files: FileList | null) => {
    const list = files ? [...files] : [];
    // Several files, or a config.json: a Hugging Face checkpoint; one .safetensors: our own format.
    if (list.length > 1 || list.some((f) => f.name === 'config.json')) atlasActions.loadCheckpointFiles(list);
    else if (list[0]) void atlasActions.loadModelFile(list[0]);
  };

  return (
    <section className="pg-card" aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`}>Model</h2>
      <div className="pg-row">
        <label htmlFor={selectId}>Shipped model</label>
        <select
          id={selectId}
          data-testid="model-select"
          value={source === 'shipped' && name ? name : ''}
          onChange={(e) => e.target.value && useAtlas.getState().applyView({ model: e.target.value, text: '', src: '', tgt: '' })}
        >
          {source !== 'shipped' && (
            <option value="">{source === 'file' ? `Your file: ${name}` : source === 'hub' ? `Hub: ${name}` : 'Choose a model…'}</option>
          )}
          {catalog.map((m) => (
            <option key={m.name} value={m.name}>
              {m.title} ({m.arch})
            </option>
          ))}
        </select>
        {catalogStatus === 'error' && <span className="pg-muted">No shipped models found; open your own below.</span>}
      </div>
      <DropZone testId="model-drop" onDrop={(e) => open(e.dataTransfer.files)}>
        <p>
          Bring your own model: drop a <code>.safetensors</code> file here, or{' '}
          <label htmlFor={fileId} className="btn pg-file-label">
            choose a file
          </label>
          <input
            id={fileId}
            className="visually-hidden"
            type="file"
            accept=".safetensors,application/octet-stream"
            data-testid="model-file"
            onChange={(e) => {
              open(e.target.files);
              e.target.value = ''; // picking the same file again loads it again
            }}
          />
          . The file is checked by the model’s own rules and never leaves your computer;{' '}
          <code>docs/bring-your-own-model.md</code> shows how to export one from PyTorch.
        </p>
      </DropZone>
      <CheckpointOpener />
      {error && (
        <p className="error" role="alert" data-testid="model-error">
          {error}
        </p>
      )}
      <p className="pg-status" role="status" data-testid="model-status" data-status={status}>
        {status === 'loading' && `Loading ${name ?? 'the model'}…`}
        {status === 'ready' && info && `Loaded ${info.name}.`}
        {status === 'idle' && 'No model loaded yet.'}
        {status === 'error' && 'The model could not be loaded.'}
      </p>
      {info?.nonFinite && (
        <p className="error" role="status" data-testid="model-nonfinite">
          {`The weights of “${info.name}” hold NaN or infinite values in ${info.nonFinite.slice(0, 5).join(', ')}${info.nonFinite.length > 5 ? ` and ${info.nonFinite.length - 5} more tensors` : ''}: its numbers are not meaningful.`}
        </p>
      )}
      {info && <ModelCard />}
    </section>
  );
}

/** The loaded model's hyper-parameters, named as in the paper. */
function ModelCard() {
  const info = useAtlas(selectModelInfo);
  if (!info) return null;
  const c = info.config;
  const rows: [string, string][] = [
    ['architecture', info.arch],
    ['dModel', String(c.dModel)],
    ['nHeads', String(c.nHeads)],
    ['dHead', String(c.dModel / c.nHeads)],
    ['dFF', String(c.dFF)],
    [info.arch === 'encoder-decoder' ? 'layers (encoder / decoder)' : 'layers', info.arch === 'encoder-decoder' ? `${c.nLayers} / ${c.nDecoderLayers ?? c.nLayers}` : String(c.nLayers)],
    ['maxLen', String(c.maxLen)],
    ['positions', c.positional],
    ['norm', `${c.norm}-norm`],
    ['activation', c.activation],
    ['vocabulary', info.hf ? `${info.vocab.length} (${info.hf.tokenizerKind}, ${info.hf.family})` : `${info.vocab.length} (${info.tokenizer}-level)`],
  ];
  return (
    <details className="pg-details">
      <summary>Model details</summary>
      <dl className="pg-modelcard" data-testid="model-card">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
