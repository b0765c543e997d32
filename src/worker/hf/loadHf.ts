// The worker's side of Hugging Face checkpoints: open picked/dropped files or a Hub repo, tell the
// UI the sizes before reading or downloading, report progress, honour cancel, and turn text into
// ids with the checkpoint's own tokenizer (built here, off the main thread).
import { ModelInputError } from '../../model/errors';
import { checkFits, planCheckpoint, readCheckpoint, type HfCheckpoint } from '../../model/hf/checkpoint';
import type { Model } from '../../model/model';
import type { HfTokenizer } from '../../model/tokenizers/hf';
import type { ModelInfo, ModelSource, RunInput, TextInput, WorkerResponse } from '../protocol';
import { PROTOCOL_VERSION as v } from '../protocol';
import { filesSource } from './fileSource';
import { openHub, type CacheLike } from './hubSource';

type Post = (msg: WorkerResponse) => void;

/** What this device can give the page for weights: half its memory (navigator.deviceMemory, GB), 2 GB when unknown. */
export function memoryBudget(): number {
  const gb = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  return ((gb && gb > 0 ? gb : 4) / 2) * 2 ** 30;
}

/** Cache Storage where the page has it (secure contexts), else none. */
async function hubCache(): Promise<CacheLike | null> {
  try {
    if (typeof caches === 'undefined') return null;
    const cache = await caches.open('atlas-hf-checkpoints-v1');
    return { match: (url) => cache.match(url), put: (url, res) => cache.put(url, res) };
  } catch {
    return null;
  }
}

/**
 * Loads a checkpoint from files or the Hub. Returns null when a Hub source only asked for its sizes
 * (`confirmed: false`). Posts 'checkpoint' (sizes) and 'progress'; throws ModelFileError in one sentence.
 */
export async function loadHfSource(
  source: Extract<ModelSource, { kind: 'files' | 'hub' }>,
  runId: number,
  post: Post,
  signal: AbortSignal,
): Promise<HfCheckpoint | null> {
  const budget = memoryBudget();
  if (source.kind === 'files') {
    const files = filesSource(source.files);
    const plan = await planCheckpoint(files);
    post({
      type: 'checkpoint',
      v,
      runId,
      name: source.name,
      family: plan.family,
      downloadBytes: 0,
      memoryBytes: plan.memoryBytes,
    });
    checkFits(plan, budget);
    return readCheckpoint(files, plan, {
      signal,
      onProgress: (loaded, total) => post({ type: 'progress', v, runId, phase: 'read', loaded, total }),
    });
  }
  const base = new URL(source.base, globalThis.location?.href ?? 'http://localhost/').href;
  const hub = await openHub(source.name, { base, cache: await hubCache(), signal });
  const plan = await planCheckpoint(hub.files);
  post({
    type: 'checkpoint',
    v,
    runId,
    name: source.name,
    family: plan.family,
    downloadBytes: hub.missingBytes,
    memoryBytes: plan.memoryBytes,
  });
  checkFits(plan, budget);
  if (!source.confirmed) return null;
  await hub.download((loaded, total) =>
    post({ type: 'progress', v, runId, phase: 'download', loaded, total }),
  );
  return readCheckpoint(hub.files, plan, {
    signal,
    onProgress: (loaded, total) => post({ type: 'progress', v, runId, phase: 'read', loaded, total }),
  });
}

/** The UI's description of a Hugging Face model: its pieces as the vocabulary, the tokenizer in the worker. */
export function describeHf(
  checkpoint: HfCheckpoint,
  base: Omit<ModelInfo, 'tokenizer' | 'vocab'>,
): ModelInfo {
  const { model, tokenizer } = checkpoint;
  return {
    ...base,
    vocab: model.vocab ?? Array.from({ length: model.config.vocabSize }, (_, i) => String(i)),
    tokenizer: 'hf',
    hf: {
      family: checkpoint.family,
      tokenizerKind: tokenizer?.kind ?? 'none',
      specialIds: tokenizer ? [...tokenizer.specialIds] : [],
      special: tokenizer ? { ...tokenizer.special } : {},
    },
  };
}

/**
 * Tokenizes a TextInput with the checkpoint's tokenizer, posting the pieces of each sequence.
 * A Marian target starts with decoder_start_token_id and has no </s> (the decoder's input).
 */
export function tokenizeText(
  model: Model,
  tokenizer: HfTokenizer | null,
  input: TextInput,
  runId: number,
  post: Post,
): RunInput {
  if (!tokenizer)
    throw new ModelInputError('this checkpoint has no tokenizer.json, so text cannot be turned into tokens');
  const maxLen = model.config.maxLen;
  const send = (role: 'text' | 'src' | 'tgt', e: { ids: number[]; pieces: string[]; special: boolean[] }) => {
    const n = Math.min(e.ids.length, maxLen);
    const cut = { ids: e.ids.slice(0, n), pieces: e.pieces.slice(0, n), special: e.special.slice(0, n) };
    post({ type: 'tokens', v, runId, role, ...cut });
    return cut.ids;
  };
  if ('text' in input) return { tokens: send('text', tokenizer.encode(input.text)) };
  const start = Number(model.metadata.decoderStartId ?? 0);
  const tgt = tokenizer.encode(input.tgtText, { addSpecialTokens: false });
  return {
    src: send('src', tokenizer.encode(input.srcText)),
    tgt: send('tgt', {
      ids: [start, ...tgt.ids],
      pieces: [tokenizer.vocab[start] ?? String(start), ...tgt.pieces],
      special: [true, ...tgt.special],
    }),
  };
}
