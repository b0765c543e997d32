// The course map: every lesson in course order. Lesson content lives in one module per
// lesson (loaded lazily); this list is only what the home page and router need.

export interface LessonInfo {
  slug: string;
  title: string;
  summary: string;
}

export const LESSONS: readonly LessonInfo[] = [
  { slug: 'why-transformers', title: 'Why transformers', summary: 'Reading all tokens at once: parallel, but quadratic in length.' },
  { slug: 'tokens-and-embeddings', title: 'Tokens and embeddings', summary: 'Text becomes ids, ids become vectors.' },
  { slug: 'positional-encoding', title: 'Positional encoding', summary: 'Learned, sinusoidal and rotary ways to tell positions apart.' },
  { slug: 'self-attention', title: 'Self-attention', summary: 'Queries, keys, values, scores and weights, step by step.' },
  { slug: 'multi-head-attention', title: 'Multi-head attention', summary: 'Many heads in one matrix multiplication.' },
  { slug: 'masking', title: 'Masking', summary: 'Padding, full, causal and prefix masks.' },
  { slug: 'feed-forward', title: 'Feed-forward', summary: 'Widen, activate, project back.' },
  { slug: 'residuals-and-layer-norm', title: 'Residuals and LayerNorm', summary: 'The residual stream, pre-norm and post-norm.' },
  { slug: 'encoder', title: 'The encoder', summary: 'Bidirectional attention, block by block.' },
  { slug: 'decoder-and-cross-attention', title: 'Decoder and cross-attention', summary: 'Where each output character looks in the input.' },
  { slug: 'de-embedding', title: 'De-embedding', summary: 'Logits, softmax, temperature and top-k.' },
  { slug: 'training-vs-inference', title: 'Training vs inference', summary: 'Teacher forcing versus one token at a time.' },
  { slug: 'architectures', title: 'Three architectures', summary: 'Encoder-decoder, encoder-only and decoder-only side by side.' },
  { slug: 'query-key-value', title: 'Query, key, value', summary: 'The search analogy, and where it breaks down.' },
  { slug: 'train-your-own', title: 'Train your own', summary: 'Watch a small transformer learn a task, and its attention form.' },
  { slug: 'proving-what-a-head-does', title: 'Proving what a head does', summary: 'Knock a head out, patch it in from another sentence: what attention only suggests, interventions show.' },
];

export function lessonBySlug(slug: string): LessonInfo | undefined {
  return LESSONS.find((l) => l.slug === slug);
}
