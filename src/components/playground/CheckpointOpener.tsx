// Opening a Hugging Face checkpoint: its files picked or dropped together, a whole folder, or a Hub
// model by name (fetched by this browser; nothing is uploaded). Sizes are shown before anything big
// is read or downloaded; then a progress bar with Cancel. A refusal is one sentence (ModelChooser
// shows it) and the current model keeps working.
import { useId, useState, type DragEvent } from 'react';
import { DropZone } from './DropZone';
import { useAtlas } from '../../store/atlas';
import { atlasActions } from '../../store/runtime';
import type { CheckpointProgress } from '../../store/slices/modelSlice';

const size = (bytes: number) =>
  bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(2)} GB`
    : bytes >= 2 ** 20
      ? `${(bytes / 2 ** 20).toFixed(1)} MB`
      : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Every file of a dropped folder (read through the entries API), or the dropped files themselves. */
async function droppedFiles(e: DragEvent): Promise<File[]> {
  const entries = [...e.dataTransfer.items]
    .map((i) => i.webkitGetAsEntry?.())
    .filter((x): x is FileSystemEntry => !!x);
  if (!entries.some((x) => x.isDirectory)) return [...e.dataTransfer.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (entry.isFile)
      out.push(await new Promise<File>((ok, no) => (entry as FileSystemFileEntry).file(ok, no)));
    else if (entry.isDirectory && depth < 1) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, no) => reader.readEntries(ok, no));
        if (!batch.length) break;
        for (const child of batch) await walk(child, depth + 1);
      }
    }
  };
  for (const entry of entries) await walk(entry, 0);
  return out;
}

/** The drop zone, pickers and Hub field for Hugging Face checkpoints, with sizes and progress. */
export function CheckpointOpener() {
  const checkpoint = useAtlas((s) => s.checkpoint);
  const [repo, setRepo] = useState('');
  const id = useId();
  const open = (files: FileList | File[] | null) => {
    const list = files ? [...files] : [];
    if (list.length) atlasActions.loadCheckpointFiles(list);
  };
  return (
    <div className="pg-hf" aria-labelledby={`${id}-h`} role="group">
      <h3 id={`${id}-h`} className="pg-hf-title">
        Hugging Face checkpoint (GPT-2, BERT, DistilBERT, Marian)
      </h3>
      <DropZone testId="hf-drop" onDrop={(e) => void droppedFiles(e).then(open)}>
        <p>
          Drop the folder, or its files together: <code>config.json</code>, <code>model.safetensors</code> (or
          the shards and <code>model.safetensors.index.json</code>), <code>tokenizer.json</code>. Or{' '}
          <label htmlFor={`${id}-files`} className="btn pg-file-label">
            choose files
          </label>
          <input
            id={`${id}-files`}
            className="visually-hidden"
            type="file"
            multiple
            data-testid="hf-files"
            onChange={(e) => {
              open(e.target.files);
              e.target.value = '';
            }}
          />{' '}
          <label htmlFor={`${id}-folder`} className="btn pg-file-label">
            choose a folder
          </label>
          <input
            id={`${id}-folder`}
            className="visually-hidden"
            type="file"
            data-testid="hf-folder"
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              open(e.target.files);
              e.target.value = '';
            }}
          />
          . Read here, tensor by tensor; nothing leaves your computer.
        </p>
      </DropZone>
      <form
        className="pg-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (repo.trim()) atlasActions.openHub(repo.trim(), false);
        }}
      >
        <label htmlFor={`${id}-repo`}>From the Hub</label>
        <input
          id={`${id}-repo`}
          className="pg-text"
          data-testid="hf-repo"
          placeholder="openai-community/gpt2"
          value={repo}
          onChange={(e) => setRepo(e.target.value)}
          spellCheck={false}
        />
        <button type="submit" className="btn" data-testid="hf-find">
          Find
        </button>
      </form>
      {checkpoint && <CheckpointStatus c={checkpoint} />}
    </div>
  );
}

function CheckpointStatus({ c }: { c: CheckpointProgress }) {
  const memory = c.memoryBytes !== undefined ? `, needs about ${size(c.memoryBytes)} of memory` : '';
  const what = `${c.name}${c.family ? ` (${c.family})` : ''}`;
  return (
    <div className="pg-hf-status" data-testid="hf-status" data-phase={c.phase}>
      {c.phase === 'sizing' && <p role="status">Looking at {what}…</p>}
      {c.phase === 'confirm' && (
        <p role="status" data-testid="hf-size">
          {what}: {size(c.downloadBytes ?? 0)} to download{memory}.
        </p>
      )}
      {(c.phase === 'download' || c.phase === 'read') && (
        <>
          <p role="status">
            {c.phase === 'download' ? 'Downloading' : 'Reading the weights of'} {what}: {size(c.loaded)} of{' '}
            {size(c.total)}
            {memory}.
          </p>
          <progress
            data-testid="hf-progress"
            max={c.total || 1}
            value={c.loaded}
            aria-label={`${c.phase === 'download' ? 'Download' : 'Reading'} progress`}
          />
        </>
      )}
      <div className="pg-row">
        {c.phase === 'confirm' && (
          <button
            type="button"
            className="btn"
            data-testid="hf-download"
            onClick={() => atlasActions.openHub(c.name, true)}
          >
            Download {size(c.downloadBytes ?? 0)}
          </button>
        )}
        <button
          type="button"
          className="btn"
          data-testid="hf-cancel"
          onClick={() => atlasActions.cancelCheckpoint()}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
