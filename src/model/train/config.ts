// The trainer uses the app's ModelConfig (docs/model-spec.md) unchanged, so what it writes is what
// loadModel reads. Which stacks of a new model get a final norm is `defaultLayout` in ../params.ts.
import type { ModelConfig } from '../config';

export type TrainConfig = ModelConfig;
