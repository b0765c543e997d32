// The logit lens (nostalgebraist 2020): read the residual stream after each layer as if it were the
// last, through the model's own final norm and de-embedding. Row i of layer l's lens is the
// next-token (or per-position) prediction the model "has in mind" after l + 1 layers; the last
// layer's lens is the model's real logits.
import type { Model, StackWeights } from './model';
import { layerNorm } from './ops/layerNorm';
import { linear } from './ops/matmul';
import type { Tensor } from './tensor';

/** lm_head(final_norm(x)) for one layer's output x [S, dModel]; the norm is skipped when the stack has none. */
export function lensLogits(model: Model, stack: StackWeights, x: Tensor): Tensor {
  const { norm } = stack;
  const h = norm ? layerNorm(x, norm.weight, norm.bias, model.config.layerNormEps) : x; // [S, dModel]
  return linear(h, model.weights.lmHead.weight, model.weights.lmHead.bias); // [S, vocabSize]
}
