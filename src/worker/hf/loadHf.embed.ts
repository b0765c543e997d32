// The classic embed's stand-in for loadHf.ts (scripts/vite-plugin-classic.ts swaps it in): an
// embedded widget shows shipped models only, so it leaves out the Hugging Face loader and its
// tokenizer runtime, which would make the one-script bundle (no chunks there) a third larger.
// Same signatures; each refuses in one sentence should a request ever arrive.
import { ModelFileError, ModelInputError } from '../../model/errors';
import type { HfCheckpoint } from '../../model/hf/checkpoint';
import type { HfTokenizer } from '../../model/tokenizers/hf';
import type { Model } from '../../model/model';
import type { ModelInfo, ModelSource, RunInput, TextInput, WorkerResponse } from '../protocol';

const WHY = 'Hugging Face checkpoints open in Attention Atlas itself, not in an embedded widget';

export function loadHfSource(
  _source: Extract<ModelSource, { kind: 'files' | 'hub' }>,
  _runId: number,
  _post: (msg: WorkerResponse) => void,
  _signal: AbortSignal,
): Promise<HfCheckpoint | null> {
  return Promise.reject(new ModelFileError(WHY));
}

export function describeHf(_checkpoint: HfCheckpoint, _base: Omit<ModelInfo, 'tokenizer' | 'vocab'>): ModelInfo {
  throw new ModelFileError(WHY);
}

export function tokenizeText(_model: Model, _tokenizer: HfTokenizer | null, _input: TextInput, _runId: number, _post: (msg: WorkerResponse) => void): RunInput {
  throw new ModelInputError(WHY);
}
