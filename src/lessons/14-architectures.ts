// Lesson 14: the three architectures side by side — encoder-decoder (T5), encoder-only (BERT),
// decoder-only (GPT) — with their masks and attention, each run live on comparable input.
import type { Lesson } from './types';

const TOKENS4 = ['the', 'dog', 'runs', '.'];

const lesson: Lesson = {
  slug: 'architectures',
  title: 'Three architectures',
  summary: 'Encoder-decoder, encoder-only and decoder-only side by side.',
  steps: [
    {
      title: 'One set of parts, three arrangements',
      prose: [
        'Every transformer in this course is built from the same parts: embeddings, attention, feed-forward networks, residuals, LayerNorm and a de-embedding. What tells the families apart is **which stacks** there are, **which masks** their self-attention uses, and whether there is **cross-attention**.',
        'The diagrams are drawn with the settings of the shipped model of each family, and say so: the well-known models of a family differ in details such as where the LayerNorm sits and how positions are given (the table names them). What tells the families apart is the same everywhere.',
      ],
      panels: [{ panel: 'architecture-compare', illustration: true }],
      notes: 'The diagrams follow the configs of dates (encoder-decoder), masked-grammar (encoder-only) and grammar (decoder-only). The rest of the lesson runs each of them live.',
    },
    {
      title: 'Encoder-only (BERT-style)',
      state: { model: 'masked-grammar', input: 'the dog that the cats chase <mask> .', stack: 'encoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'weights', mask: 'full' },
      prose: [
        'An **encoder-only** model is one stack with full, bidirectional attention. It reads a whole input and returns one vector per token. [[bert|BERT]] was trained like our masked-grammar model, by filling in masked words, and is then adapted to jobs that need **understanding**: classifying a text (spam or not, positive or negative), tagging words, finding an answer span, producing features for search.',
        'It is not built to generate text from left to right: every position sees the whole input, including what would come next. It does everything in **one pass**.',
      ],
      panels: [
        { panel: 'guess', options: { mode: 'next-token', lesson: 'architectures', id: 'arch-mask-verb', at: 'mask', choices: 'runs run sleeps sleep', prompt: 'Before the bars below: which verb will the encoder-only model put in the `<mask>`?' } },
        { panel: 'attention-heatmap', options: { show: 'weights' } },
        { panel: 'predictions', options: { position: 'mask' } },
      ],
      tryIt: 'No cell of the heatmap is hatched. The bars are read at the `<mask>` position, in the middle of the input.',
      notes: 'Devlin et al. 2019 (BERT). Our model is far smaller and knows only a toy grammar, but it works the same way.',
    },
    {
      title: 'Decoder-only (GPT-style)',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase', stack: 'decoder', mask: 'causal' },
      prose: [
        'A **decoder-only** model is one stack with a **causal** mask and no cross-attention. It is trained to predict the next token everywhere at once (lesson 13) and used to **generate**: write a token, append it, repeat. The [[gpt-2|GPT]] models and most of today’s large language models are built this way. A task is put to them as a text to continue (a question, a text to summarise, even music written as a sequence of MIDI events), and the prompt plays the role the encoder plays elsewhere.',
        'Here the grammar model reads the same words as above after its start token `<bos>`, stopping where the verb should come, and predicts it from the left context only.',
      ],
      panels: [{ panel: 'attention-heatmap', options: { show: 'weights' } }, { panel: 'predictions' }],
      tryIt: 'Compare the hatched upper triangle with the encoder’s full grid. The bars are read at the last position: what comes after `chase`?',
      notes: 'Generation costs one forward pass per token, which is why large decoder-only models are slow to answer long questions even though they train fast.',
    },
    {
      title: 'Encoder-decoder (T5-style)',
      state: { model: 'dates', src: 'Wednesday the 3rd of March 2021', tgt: '2021-03-03', stack: 'decoder', attention: 'crossAttention', layer: 0, head: 0 },
      prose: [
        'An [[encoder-decoder|encoder-decoder]] model has both stacks: a bidirectional encoder for the input and a causal decoder, with cross-attention, for the output. This is the original transformer. [[t5|T5]] uses it and casts every task as text in, text out. It suits jobs where a whole input is turned into a different output: translation, summarising, or our dates.',
        'It costs more: two stacks and three kinds of attention to build and run. For open-ended text generation, decoder-only models have largely replaced it.',
      ],
      panels: [{ panel: 'cross-alignment' }],
      tryIt: 'Only this family has a grid with different rows and columns: decoder positions against source characters.',
      notes: 'Raffel et al. 2020 (T5) compare exactly these choices (encoder-decoder, decoder-only language model, prefix language model) on the same data.',
    },
    {
      title: 'Side by side on your own input',
      state: { model: 'masked-grammar', input: 'the dogs near the cat <mask> .', stack: 'encoder', attention: 'selfAttention', mask: 'full' },
      prose: [
        'The two grammar models share their vocabulary, so they can read the same words. Switch between them with the buttons; each switch also sets the mask that model was trained with (full for the encoder, causal for the decoder).',
        'The encoder-only model predicts at the `<mask>` and reads both sides of it. The decoder-only model predicts the word after the last one and reads only what lies to its left. Give it an input that stops just before the word you want predicted.',
      ],
      panels: [{ panel: 'input' }, { panel: 'predictions', options: { position: 'mask', pair: true } }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'With `masked-grammar`, put `<mask>` in the middle of a sentence. With `grammar`, type `<bos> the dogs near the cat` and read the prediction for the next word.',
      notes: 'Without a `<mask>` in the input, the bars show the last position, which is what the decoder-only model needs. The decoder heatmap has the hatched upper triangle; the encoder one has none.',
    },
    {
      title: 'The whole course in one pass',
      prose: [
        'Text becomes [[token|tokens]] and [[embedding|embeddings]] (lesson 2), plus [[positional-encoding|positions]] (3). Attention is a soft search with queries, keys and values (4): [[self-attention|self-attention]] mixes information between tokens (5), in several [[head|heads]] at once (6), limited by [[mask|masks]] (7). A [[feed-forward]] network works on each token by itself (8), and [[residual|residuals]] and [[layer-norm|LayerNorm]] keep the stack trainable (9).',
        'Stacks of such layers form [[encoder|encoders]] (10) and [[decoder|decoders]] with [[cross-attention]] (11). A de-embedding turns vectors into [[logits]] and probabilities (12). Training uses [[teacher-forcing|teacher forcing]], while generation goes one token at a time with a [[kv-cache|KV cache]] (13). The three families arrange these parts differently (14), and the last lesson trains one from scratch (15).',
      ],
      panels: [{ panel: 'recap', illustration: true }],
      tryIt: 'Open any lesson from the list to revisit it; your progress stays on the course map.',
      notes: 'A good closing exercise: ask students to trace one token of the dates model from its character to its ISO output, naming every lesson on the way.',
    },
    {
      title: 'Check your understanding',
      prose: ['Four questions on the three families. For the grid, rows are queries and columns are keys.'],
      questions: [
        {
          kind: 'cells',
          id: 'gpt-cells',
          prompt: 'A decoder-only model reads `the dog runs .`. Select every cell its self-attention mask blocks.',
          rows: TOKENS4,
          cols: TOKENS4,
          answer: (i, j) => j > i,
          explanation: 'Decoder-only models are causal: cell $(i, j)$ is blocked whenever the key comes after the query.',
        },
        {
          kind: 'choice',
          id: 'which-family',
          prompt: 'You want to sort e-mails into “spam” and “not spam”. Which family fits most naturally?',
          options: [
            { text: 'Encoder-only, with a classification head', correct: true },
            { text: 'Decoder-only, generating the word “spam”', feedback: 'That can work, but it spends a causal model and a generation step on a job that needs only understanding.', revisit: 3 },
            { text: 'Encoder-decoder, translating the e-mail into a label', feedback: 'Possible (T5 does it), but a whole decoder for one label is more than the job needs.', revisit: 4 },
            { text: 'None: transformers cannot classify', feedback: 'Encoder-only models with a small head are a standard classifier.', revisit: 2 },
          ],
          explanation: 'Classification needs to read the whole input at once and produce no text: an encoder with full attention and a small head on top, as with BERT.',
        },
        {
          kind: 'choice',
          id: 'cross-family',
          prompt: 'Which family uses cross-attention?',
          options: [
            { text: 'Only encoder-decoder models', correct: true },
            { text: 'Only decoder-only models', feedback: 'A decoder-only model has no encoder to attend to; its decoder layers have only self-attention.', revisit: 3 },
            { text: 'All three', feedback: 'Cross-attention needs two stacks.', revisit: 1 },
            { text: 'Only encoder-only models', feedback: 'An encoder reads one sequence with self-attention; there is no second sequence to cross to.', revisit: 2 },
          ],
          explanation: 'Cross-attention connects a decoder to an encoder’s output; with a single stack there is nothing to cross to.',
        },
        {
          kind: 'choice',
          id: 'original-norm',
          prompt: 'The encoder-decoder diagram is drawn as our dates model: pre-norm, learned positions. How did the original 2017 Transformer differ?',
          options: [
            { text: 'Post-norm, with sinusoidal positions', correct: true },
            { text: 'It had no decoder', feedback: 'The 2017 model was an encoder-decoder, built for translation.', revisit: 1 },
            { text: 'It used RoPE', feedback: 'RoPE came in 2021; the original added a sinusoidal table.', revisit: 1 },
            { text: 'It had no residual connections', feedback: 'Residuals and LayerNorm were there from the start; only their order differs.', revisit: 1 },
          ],
          explanation: 'The original normalised after each residual addition (post-norm) and added a fixed sinusoidal table; T5 later used pre-norm and a relative position bias.',
        },
      ],
      notes: 'Students often think decoder-only models “cannot understand”; point out that their prompt does the encoder’s job, only read left to right.',
    },
  ],
};

export default lesson;
