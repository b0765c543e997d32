// The view a model button switches to: the first layer and head, and a stack the model has —
// for an encoder-decoder its encoder, which reads the whole source (its decoder would start from
// <bos> alone, a 1 × 1 grid).
import type { ShippedModel } from '../store/types';

export function viewForModel(m: Pick<ShippedModel, 'name' | 'arch'>): { model: string; layer: number; head: number; stack: 'encoder' | 'decoder'; attention: 'selfAttention' } {
  return { model: m.name, layer: 0, head: 0, stack: m.arch === 'decoder-only' ? 'decoder' : 'encoder', attention: 'selfAttention' };
}
