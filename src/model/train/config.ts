// The trainer uses the app's ModelConfig (spec/model.md) unchanged, so what it writes is what
// loadModel reads. Only the trainer's own choice — whether a stack gets a final norm — is here.
import type { ModelConfig } from '../config';

export type TrainConfig = ModelConfig;

/** Whether a new model gets a final LayerNorm per stack (`encoder.norm`, `decoder.norm`).
 *  Pre-norm stacks need one: their residual stream is otherwise never normalised. */
export function hasFinalNorm(config: TrainConfig): boolean {
  return config.norm === 'pre';
}
