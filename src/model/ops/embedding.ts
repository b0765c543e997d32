// Token embedding lookup (Attention Is All You Need §3.4): row `token` of the [V, dModel] table,
// multiplied by sqrt(dModel) when the model asks for it.
import type { Tensor } from '../tensor';

/** embed[tokens] · scale: tokens [S], table [V, d] → [S, d]. */
export function embedTokens(table: Tensor, tokens: readonly number[], scale = 1): Tensor {
  const d = table.shape[1];
  const out = new Float32Array(tokens.length * d); // [S, d]
  for (let s = 0; s < tokens.length; s++) {
    const row = tokens[s] * d;
    for (let c = 0; c < d; c++) out[s * d + c] = table.data[row + c] * scale;
  }
  return { data: out, shape: [tokens.length, d] };
}
