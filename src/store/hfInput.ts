// Helpers of the bridge for Hugging Face checkpoints: a name for dropped files, and the pieces the
// engine's tokenizer sent turned into the chips' tokens (special tokens marked).
import type { TokenizedSequence } from './types';

/** The dropped folder's name ("gpt2" for gpt2/config.json …), else the checkpoint's family-neutral name. */
export function checkpointName(files: readonly File[]): string {
  const folder = files.map((f) => f.webkitRelativePath.split('/')[0]).find((p) => p);
  return (folder || 'your checkpoint').slice(0, 120);
}

/** The tokens message as a tokenized sequence for the chips. */
export function hfTokenized(msg: { ids: number[]; pieces: string[]; special: boolean[] }): TokenizedSequence {
  return {
    tokens: msg.ids.map((id, i) => ({
      id,
      text: msg.pieces[i] ?? String(id),
      ...(msg.special[i] ? { special: true } : {}),
    })),
    dropped: 0,
    unknown: 0,
  };
}
