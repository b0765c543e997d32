// Types shared by the store's slices, the bridge and the URL codec.
import type { MaskChoice, ModelInfo, PositionalChoice } from '../worker/protocol';
import { POSITIONAL_CHOICES } from '../worker/protocol';
import { ATTENTION_FIELDS } from '../model/trace';

export type { MaskChoice, ModelInfo, PositionalChoice };
export { POSITIONAL_CHOICES };

/** A shipped model, as listed in public/models/index.json. */
export interface ShippedModel {
  name: string;
  title: string;
  arch: ModelInfo['arch'];
  description: string;
  /** An input to start with (the source, for an encoder-decoder), when the index gives one. */
  example?: string;
}

/** One token of the input as the UI shows it: its text piece and its id in the vocabulary. */
export interface Token {
  id: number;
  text: string;
}

/** A tokenized sequence, with what was cut to fit the model's maxLen (never silently). */
export interface TokenizedSequence {
  tokens: Token[];
  /** How many tokens were dropped from the end to fit maxLen (0 when none). */
  dropped: number;
  /** How many pieces were not in the vocabulary and became `<unk>` (or were skipped). */
  unknown: number;
}

/** Pipeline stages a panel or lesson can highlight, in the order the forward pass computes them. */
export const STAGES = [
  'tokens',
  'embeddings',
  'positional',
  ...ATTENTION_FIELDS,
  'ffn',
  'layerOutput',
  'logits',
  'probs',
] as const;
export type Stage = (typeof STAGES)[number];

export type ThemeChoice = 'auto' | 'light' | 'dark';
export type ColorMap = 'viridis' | 'cividis';
export type MotionChoice = 'system' | 'reduce' | 'full';
