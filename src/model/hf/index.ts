// Hugging Face checkpoints (GPT-2, BERT, DistilBERT, Marian) as internal models; see README.md.
export { readHfConfig, HF_FAMILIES } from './config';
export type { HfFamily } from './config';
export {
  assembleCheckpoint,
  openCheckpoint,
  openCheckpointSync,
  planCheckpoint,
  readCheckpoint,
  checkFits,
  MAX_CHECKPOINT_BYTES,
  weightFiles,
  CHECKPOINT_FILES,
} from './checkpoint';
export type { HfCheckpoint, SyncFiles, AsyncFiles, OpenProgress, CheckpointPlan } from './checkpoint';
export { headerLength, tensorEntries, decodeEntry, shardFiles } from './safetensorsIndex';
export type { TensorEntry } from './safetensorsIndex';
export { createHfTokenizer, tokenizerKindName } from '../tokenizers/hf';
export type { HfTokenizer, HfEncoded, HfTokenizerKind } from '../tokenizers/hf';
