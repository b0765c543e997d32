// Lesson 10: the encoder — the block assembled from attention, feed-forward, residuals and LayerNorm,
// and bidirectional (full) attention on the masked-grammar model, which fills in a <mask>.
import type { Lesson } from './types';

const MASKED_VERB = 'the dog that the cats chase <mask> .';
const MASKED_NOUN = 'the <mask> that the cats chase runs .';
const TOKENS4 = ['the', 'dog', 'runs', '<pad>'];

const lesson: Lesson = {
  slug: 'encoder',
  title: 'The encoder',
  summary: 'Bidirectional attention, block by block.',
  steps: [
    {
      title: 'One encoder layer, assembled',
      state: { model: 'masked-grammar', input: MASKED_VERB, stack: 'encoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'weights', mask: 'full' },
      prose: [
        'You now know every part. An [[encoder]] layer puts them together in a fixed order: [[self-attention]] lets every token gather from the others, then a [[feed-forward]] network works on each token by itself. Each of the two sublayers has its residual connection and its LayerNorm (lesson 9).',
        'The masked-grammar model stacks {{nLayers}} such layers with $d_{\\text{model}}$ = {{dModel}} and $n_{\\text{heads}}$ = {{nHeads}}, and it is {{norm}}. Every layer takes an $S \\times d_{\\text{model}}$ matrix and returns one of the same shape, so layers can be stacked as deep as you like.',
      ],
      formulas: [
        { tex: 'h = \\operatorname{LayerNorm}\\big(x + \\operatorname{MultiHead}(x, x, x)\\big)', label: 'Sublayer 1: self-attention; queries, keys and values all come from x.' },
        { tex: 'y = \\operatorname{LayerNorm}\\big(h + \\operatorname{FFN}(h)\\big), \\qquad x, h, y \\in \\mathbb{R}^{S \\times d_{\\text{model}}}', label: 'Sublayer 2: the feed-forward network (post-norm, as this model).' },
      ],
      panels: [{ panel: 'architecture' }],
      tryIt: 'Follow the blocks from the embedding to the softmax: the part between them repeats {{nLayers}} times.',
      notes: 'Keep the order on the board: attention → add & norm → FFN → add & norm. Some models put the norm first (pre-norm, lesson 9); the parts are the same.',
    },
    {
      title: 'Every token sees every token',
      prose: [
        'An encoder is given the whole input at once and never has to produce it, so nothing needs to be hidden. Its self-attention uses [[full-attention|full attention]]: no pattern mask at all, only padding is blocked. Every query may read keys on its left **and** on its right.',
        'The heatmap shows one head of the first layer. Rows are queries and columns are keys. Unlike the decoder heatmaps in lesson 7, there is no hatched triangle: the cells above the diagonal, where a query reads a later token, carry weight too.',
      ],
      formulas: [{ tex: '\\text{weights} = \\operatorname{softmax}\\!\\left(\\frac{Q K^{\\top}}{\\sqrt{d_{\\text{head}}}} + M^{\\text{pad}}\\right) \\in \\mathbb{R}^{S \\times S}', label: 'Only padded keys are blocked; there are none in this sentence.' }],
      panels: [
        { panel: 'guess', options: { mode: 'next-token', lesson: 'encoder', id: 'enc-mask-verb', at: 'mask', choices: 'runs run chases chase sleeps sleep', prompt: 'The input hides the main verb behind `<mask>`. Which word do you expect the encoder to rate highest for it?' } },
        { panel: 'attention-heatmap', options: { show: 'weights' } },
      ],
      tryIt: 'Commit your guess (the next step shows all the probabilities). Then choose a row near the start, such as `dog`, and look to the right of the diagonal: that query also reads words that come after it.',
      notes: 'Bidirectional is the whole point of an encoder: a word’s meaning often depends on words after it.',
    },
    {
      title: 'Filling a blank from both sides',
      prose: [
        'The masked-grammar model was trained like BERT’s masked language model: one word of a sentence is replaced by `<mask>` (the [[mask-token|mask token]]) and the model must say which word it was. The prediction is read at the `<mask>` position itself.',
        'Here the main verb is hidden. To choose between `runs` and `run` the model must find the subject, `dog`, which is singular, past the plural `cats` right next to the blank. The bars show the probabilities at the `<mask>` position.',
      ],
      panels: [{ panel: 'input' }, { panel: 'predictions', options: { position: 'mask' } }],
      tryIt: 'Change `dog` to `dogs` (or `cats` to `cat`) and watch the singular and plural verbs trade places.',
      notes: 'The model card: with the main verb masked, the right number gets more probability than the wrong one in 100% of 2,000 held-out sentences, including the 911 with an “attractor” noun of the other number in between. Which verb (runs, sleeps, …) is a free choice in this grammar, so the four singular verbs share the probability.',
    },
    {
      title: 'The answer can lie to the right',
      state: { input: MASKED_NOUN },
      prose: [
        'Now the **subject** is hidden and the verb `runs` is visible, to the right of the blank. A left-to-right model at the `<mask>` position could see only `the`, and could not tell whether a singular or a plural noun comes next.',
        'An encoder reads both sides. The singular verb after the blank is evidence for a singular noun, and the probabilities at `<mask>` do favour singular nouns.',
      ],
      panels: [{ panel: 'input' }, { panel: 'predictions', options: { position: 'mask' } }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'Change `runs` to `run` and watch the nouns at the top switch to plurals. In the heatmap, the `<mask>` row shows how much each head takes from the words to its right.',
      notes: 'Check the bars before class: the claim is about which number the top nouns have. Heads differ; try each of them in the `<mask>` row.',
    },
    {
      title: 'Every head of a layer',
      state: { input: MASKED_VERB, layer: 1 },
      prose: [
        'Each layer has {{nHeads}} heads, and each head learns its own pattern. Some look mostly at neighbours, some at the sentence’s punctuation, and some reach far to one particular word.',
        'These thumbnails are the weights of every head of the second layer, read the same way: rows are queries, columns are keys. Choose one to open it in the heatmap.',
      ],
      panels: [{ panel: 'head-overview' }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'Find a head whose `<mask>` row puts its largest weight on `dog`, the subject the hidden verb has to agree with.',
      notes: 'In this sentence layer 1, head 1 puts about 0.97 of the `<mask>` row on `dog`. Over held-out sentences the model card finds that head’s strongest weight on the subject in 51% of cases (layer 0, head 1: 43%), yet agreement is perfect: the subject’s number reaches the mask along more than one path. Do not promise that one head does “agreement”.',
    },
    {
      title: 'What the encoder hands on',
      prose: [
        'The encoder’s result is one vector per input token, $S \\times d_{\\text{model}}$, each now informed by the whole sentence. What happens next depends on the architecture.',
        'In an **encoder-only** model like this one, a linear layer turns each vector into scores over the vocabulary (lesson 12); for masked words only the `<mask>` rows matter. In an **encoder-decoder** model the decoder reads this matrix through cross-attention, as its keys and values (lesson 11).',
      ],
      formulas: [{ tex: 'M = \\operatorname{Encoder}(x) \\in \\mathbb{R}^{S \\times d_{\\text{model}}}', label: 'One context-aware vector per input token.' }],
      panels: [{ panel: 'matrix', options: { field: 'layerOutput' } }],
      tryIt: 'Each row is one token; hover a cell to read the value of one dimension.',
      notes: 'The word “memory” for the encoder output comes from the PyTorch API (nn.TransformerDecoder’s memory argument).',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on the encoder. For the grid, rows are queries and columns are keys.'],
      questions: [
        {
          kind: 'cells',
          id: 'encoder-pad-cells',
          prompt: 'An encoder with full attention reads `the dog runs <pad>`. Select every cell its mask blocks.',
          rows: TOKENS4,
          cols: TOKENS4,
          answer: (_i, j) => j === 3,
          explanation: 'Full attention blocks no pattern; only the padded **key** is blocked, in every row, the padded row included.',
        },
        {
          kind: 'choice',
          id: 'mask-evidence',
          prompt: 'In `the <mask> that the cats chase runs .`, which word tells the encoder that the hidden noun is singular?',
          options: [
            { text: '`cats`', feedback: '`cats` is plural, and it belongs to the relative clause.', revisit: 4 },
            { text: '`runs`, to the right of the blank', correct: true },
            { text: '`the`, to the left of the blank', feedback: '`the` goes with both singular and plural nouns.', revisit: 4 },
            { text: '`chase`, the verb of the clause', feedback: '`chase` agrees with `cats`, the subject of the clause, not with the hidden noun.', revisit: 4 },
          ],
          explanation: 'Only the main verb `runs`, to the right of the blank, gives the number away; a model that reads only leftwards could not use it.',
        },
        {
          kind: 'choice',
          id: 'encoder-output',
          prompt: 'What is the shape of what an encoder stack returns for $S$ input tokens?',
          options: [
            { text: '$[S, d_{\\text{model}}]$, one vector per token', correct: true },
            { text: '$[d_{\\text{model}}]$, one vector for the whole input', feedback: 'A single vector is what a classifier might pool from it; the encoder keeps one row per token.', revisit: 6 },
            { text: 'Shape $[S, S]$', feedback: 'That is the shape of the attention weights inside it.', revisit: 2 },
            { text: 'Shape $[S, V]$, a probability for every word', feedback: 'That comes only after a de-embedding on top; the encoder itself returns vectors.', revisit: 6 },
          ],
          explanation: 'Every layer keeps the shape $[S, d_{\\text{model}}]$, so the stack returns one vector per token for a decoder or an output layer to read.',
        },
      ],
      notes: 'Question 2 is the heart of “bidirectional”.',
    },
  ],
};

export default lesson;
