// The course map: every lesson in course order. Lesson content lives in one module per
// lesson (loaded lazily); this list is only what the home page and router need.

export interface LessonInfo {
  slug: string;
  title: string;
  summary: string;
  /** The lessons this one builds on (slugs, all earlier in the course): the course map shows them. */
  needs: readonly string[];
}

export const LESSONS: readonly LessonInfo[] = [
  { slug: 'why-transformers', title: 'Why transformers', summary: 'Reading all tokens at once: parallel, but quadratic in length.', needs: [] },
  { slug: 'tokens-and-embeddings', title: 'Tokens and embeddings', summary: 'Text becomes ids, ids become vectors; sub-word pieces.', needs: ['why-transformers'] },
  { slug: 'positional-encoding', title: 'Positional encoding', summary: 'Learned, sinusoidal and rotary ways to tell positions apart.', needs: ['tokens-and-embeddings'] },
  { slug: 'query-key-value', title: 'Query, key, value', summary: 'The search analogy behind attention, and where it breaks down.', needs: ['tokens-and-embeddings'] },
  { slug: 'self-attention', title: 'Self-attention', summary: 'Queries, keys, values, scores and weights, step by step.', needs: ['query-key-value', 'positional-encoding'] },
  { slug: 'multi-head-attention', title: 'Multi-head attention', summary: 'Many heads in one matrix multiplication.', needs: ['self-attention'] },
  { slug: 'masking', title: 'Masking', summary: 'Padding, full, causal and prefix masks.', needs: ['self-attention'] },
  { slug: 'feed-forward', title: 'Feed-forward', summary: 'Widen, activate, project back; the gated variant.', needs: ['self-attention'] },
  { slug: 'residuals-and-layer-norm', title: 'Residuals and LayerNorm', summary: 'The residual stream, pre-norm and post-norm.', needs: ['feed-forward'] },
  { slug: 'encoder', title: 'The encoder', summary: 'Bidirectional attention, block by block.', needs: ['multi-head-attention', 'masking', 'residuals-and-layer-norm'] },
  { slug: 'decoder-and-cross-attention', title: 'Decoder and cross-attention', summary: 'Where each output character looks in the input.', needs: ['encoder'] },
  { slug: 'de-embedding', title: 'De-embedding', summary: 'Logits, softmax, temperature and top-k.', needs: ['decoder-and-cross-attention'] },
  { slug: 'training-vs-inference', title: 'Training vs inference', summary: 'Teacher forcing, generation, the KV cache and exposure bias.', needs: ['de-embedding'] },
  { slug: 'architectures', title: 'Three architectures', summary: 'Encoder-decoder, encoder-only and decoder-only side by side.', needs: ['encoder', 'decoder-and-cross-attention'] },
  { slug: 'train-your-own', title: 'Train your own', summary: 'Watch a small transformer learn a task, and its attention form.', needs: ['training-vs-inference'] },
  { slug: 'proving-what-a-head-does', title: 'Proving what a head does', summary: 'Knock a head out, patch it in from another sentence: what attention only suggests, interventions show.', needs: ['multi-head-attention', 'de-embedding'] },
];

export function lessonBySlug(slug: string): LessonInfo | undefined {
  return LESSONS.find((l) => l.slug === slug);
}
