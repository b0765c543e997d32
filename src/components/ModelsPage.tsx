// The #/models page: every shipped model from public/models/index.json with its card (task,
// data, architecture, size, training, measured metrics, what its attention does) and a link
// that opens it in the playground.
import { useEffect, useState } from 'react';
import { Markdown } from './models/markdown';
import './models/models.css';

interface CatalogEntry {
  name: string;
  title: string;
  arch: string;
  description: string;
  bytes?: number;
}

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/** Fetches a file below public/models, relative to the page so the app works at any sub-path. */
async function fetchModelsFile(path: string): Promise<Response> {
  const res = await fetch(new URL(`models/${path}`, document.baseURI).href);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res;
}

function ModelCard({ entry }: { entry: CatalogEntry }) {
  const [card, setCard] = useState<Load<string>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetchModelsFile(`${entry.name}.md`)
      .then((r) => r.text())
      .then((text) => live && setCard({ status: 'ready', value: text }))
      .catch((e: Error) => live && setCard({ status: 'error', message: e.message }));
    return () => { live = false; };
  }, [entry.name]);
  const headingId = `model-${entry.name}`;
  return (
    <article className="model-card" data-testid={`model-card-${entry.name}`} aria-labelledby={headingId}>
      <header>
        <h2 id={headingId}>{entry.title}</h2>
        <p className="model-meta">
          <span>{entry.arch}</span>
          {entry.bytes !== undefined && <span>{(entry.bytes / 1024).toFixed(0)} KB</span>}
          <a href={`#/playground?model=${encodeURIComponent(entry.name)}`} data-testid={`open-${entry.name}`}>Open in the playground</a>
          <a href={`models/${entry.name}.safetensors`} download>Download .safetensors</a>
        </p>
        <p>{entry.description}</p>
      </header>
      <details>
        <summary>Model card</summary>
        {card.status === 'loading' && <p aria-live="polite">Loading the card…</p>}
        {card.status === 'error' && <p role="alert">Could not load the card ({card.message}).</p>}
        {card.status === 'ready' && <Markdown source={card.value} shift={2} />}
      </details>
    </article>
  );
}

/** Lists the shipped models and their cards. */
export function ModelsPage() {
  const [catalog, setCatalog] = useState<Load<CatalogEntry[]>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetchModelsFile('index.json')
      .then((r) => r.json() as Promise<{ models: CatalogEntry[] }>)
      .then((j) => live && setCatalog({ status: 'ready', value: j.models }))
      .catch((e: Error) => live && setCatalog({ status: 'error', message: e.message }));
    return () => { live = false; };
  }, []);
  return (
    <main id="main" className="page" tabIndex={-1} data-testid="models-page">
      <h1>Models</h1>
      <p className="lede">
        Small transformers trained in this repository by its own TypeScript trainer, each on a task whose solution
        needs attention to do a visible job. Every number on a card was measured on held-out data the model never saw.
      </p>
      {catalog.status === 'loading' && <p aria-live="polite">Loading the list of models…</p>}
      {catalog.status === 'error' && <p role="alert">Could not load the list of models ({catalog.message}).</p>}
      {catalog.status === 'ready' && catalog.value.map((m) => <ModelCard key={m.name} entry={m} />)}
    </main>
  );
}
