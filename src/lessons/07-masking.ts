// Lesson 7: masking — padding, full, causal and prefix masks and their combination; blocked cells
// become −∞ before the softmax and 0 after; switching the mask of a trained decoder.
import type { Lesson } from './types';

const TOKENS4 = ['the', 'dog', 'runs', '.'];

const lesson: Lesson = {
  slug: 'masking',
  title: 'Masking',
  summary: 'Padding, full, causal and prefix masks.',
  steps: [
    {
      title: 'Some cells must stay empty',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase runs .', stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'mask', mask: 'causal' },
      prose: [
        'Attention lets any query read any key. Sometimes that must not happen: a query should not read filler tokens, and a model that learns to predict the next token must not read that token. A [[mask]] lists the (query, key) cells that are **blocked**.',
        'Blocking works by adding $-\\infty$ to a blocked cell’s score. The exponential of $-\\infty$ is 0, so after the [[softmax]] the blocked cell gets weight exactly 0 and the other cells of the row share all the weight.',
      ],
      formulas: [
        { tex: '\\text{weights} = \\operatorname{softmax}(\\text{scores} + M), \\qquad M_{ij} = \\begin{cases} 0 & \\text{allowed} \\\\ -\\infty & \\text{blocked} \\end{cases}', label: 'A blocked cell contributes exp(−∞) = 0 to its row.' },
      ],
      panels: [{ panel: 'attention-pipeline' }],
      tryIt: 'Step the pipeline from "scores" to "mask" to "softmax": blocked cells become −∞, then 0.',
      notes: 'In code, no actual infinity is needed: blocked cells are simply skipped in the softmax. A row with every cell blocked gets all-zero weights here (PyTorch would give NaN).',
    },
    {
      title: 'Padding mask',
      state: { model: 'reverse', src: 'abc<pad><pad>', tgt: '', stack: 'encoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'weights' },
      prose: [
        'Inputs in a batch have different lengths, so short ones are filled up with a `<pad>` ([[pad|padding]]) token. The [[padding-mask|padding mask]] blocks every **key** that is padding: no query may read filler.',
        'The rows of padded positions are still computed like any other row; their results are simply ignored later. So padding blocks columns, not rows.',
      ],
      formulas: [{ tex: 'M^{\\text{pad}}_{ij} = -\\infty \\iff \\text{token}_j = \\texttt{<pad>}' }],
      panels: [{ panel: 'input' }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'The source ends in two `<pad>` tokens: their columns are hatched in every row, including the rows of the pads themselves. Add or remove `<pad>` at the end.',
      notes: 'This is the reverse model’s encoder, whose self-attention has no pattern mask, so padding is the only thing blocked.',
    },
    {
      title: 'Full attention',
      prose: [
        '[[full-attention|Full attention]] is not really a mask: it is the absence of a pattern. Every query may read every key, to the left and to the right (padding aside). Encoders use it, because when the whole input is given, each token may use its whole context.',
      ],
      panels: [{ panel: 'mask', options: { pattern: 'full' }, illustration: true }],
      notes: 'Emphasise "bidirectional": a word can be understood using words that come after it.',
    },
    {
      title: 'Causal mask',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase runs .', stack: 'decoder', mask: 'causal' },
      prose: [
        'A decoder is trained to predict each next token from the tokens before it, all positions at once. If position $i$ could read position $i+1$, it would just copy the answer. The [[causal-mask|causal mask]] blocks every key to the right of the query: cell $(i, j)$ is blocked when $j > i$.',
        'The weights grid becomes lower-triangular: row $i$ spreads its weight over positions $0$ to $i$ only.',
      ],
      formulas: [{ tex: 'M^{\\text{causal}}_{ij} = -\\infty \\iff j > i' }],
      panels: [{ panel: 'mask', options: { pattern: 'causal' }, illustration: true }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'The first row has a single allowed cell, so its weight there is exactly 1.',
      notes: 'The first token can only attend to itself: a useful sanity check students can verify on the live grid.',
    },
    {
      title: 'Prefix mask',
      state: { mask: 'prefix', prefix: 3 },
      prose: [
        'A [[prefix-mask|prefix mask]] mixes the two. The first $P$ positions, a prompt that is given rather than generated, see each other fully; every later position is causal. Cell $(i, j)$ is blocked when $j > i$ **and** $j \\ge P$.',
        '$P = 0$ gives the causal mask and $P \\ge S$ gives full attention. The T5 paper compares this "prefix language model" with the other patterns.',
      ],
      formulas: [{ tex: 'M^{\\text{prefix}(P)}_{ij} = -\\infty \\iff j > i \\;\\text{and}\\; j \\ge P' }],
      panels: [{ panel: 'mask', options: { pattern: 'prefix', prefix: 3 }, illustration: true }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'With $P = 3$ the top-left $3 \\times 3$ block is fully open; below it the triangle returns.',
      notes: 'This model was trained causal, so its weights under a prefix mask are an experiment, not its normal behaviour.',
    },
    {
      title: 'Masks combine',
      prose: [
        'In practice a padding mask and a pattern are used together. A cell is blocked if **either** blocks it (a logical OR), which is the same as adding their $-\\infty$ matrices.',
        'The diagram starts with two padding tokens at the end of six: their columns are blocked by padding, the upper triangle by the causal pattern, and the combination blocks both.',
      ],
      formulas: [{ tex: 'M = M^{\\text{pad}} + M^{\\text{pattern}} \\quad (-\\infty + 0 = -\\infty)', label: 'Blocked if blocked by either.' }],
      panels: [{ panel: 'mask', options: { pattern: 'causal', S: 6, padding: 2 }, illustration: true }],
      tryIt: 'Change the number of padding tokens and the pattern, and predict the combined grid before you look at it.',
      notes: 'Let students predict the combined grid before revealing it.',
    },
    {
      title: 'Switch the mask on a trained decoder',
      state: { mask: 'causal', input: '<bos> the birds that like the boy' },
      prose: [
        'The grammar model learned with a causal mask. The sentence now stops just before the main verb, and the bars show the model’s prediction for the next word. With its causal mask it picks a **plural** verb (`sleep`), agreeing with `birds` across the clause `that like the boy`.',
        'Switch its mask to full and run the same input. Early positions can suddenly read later words, something they never saw in training, and the weights change at once. The prediction changes too, although the last position could already see every word: in the second layer it reads the first layer’s outputs of earlier positions, and those have changed. Under full attention the top word becomes the **singular** `sleeps`, agreeing with the nearer `boy`: the agreement the model learned is broken.',
      ],
      panels: [
        { panel: 'guess', options: { mode: 'next-token', lesson: 'masking', id: 'mask-next-verb', choices: 'run sleep sing wait runs sleeps sings waits', prompt: 'With the causal mask it was trained with, which verb will the model rate highest next?' } },
        { panel: 'input', options: { pickMask: true } },
        { panel: 'attention-heatmap', options: { show: 'weights' } },
        { panel: 'output-bars' },
      ],
      tryIt: 'Commit your guess first. Then switch between causal, full and prefix, and watch the weights and the top bar change.',
      notes: 'This demonstrates why the training mask and the inference mask must match.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions. For the grids, rows are queries and columns are keys; press the cells to select them, then check.'],
      questions: [
        {
          kind: 'cells',
          id: 'causal-cells',
          prompt: 'Select every cell that a **causal** mask blocks.',
          rows: TOKENS4,
          cols: TOKENS4,
          answer: (i, j) => j > i,
          explanation: 'Cell $(i, j)$ is blocked exactly when the key comes after the query, $j > i$: the strict upper triangle.',
        },
        {
          kind: 'cells',
          id: 'prefix-cells',
          prompt: 'Select every cell that a **prefix** mask with $P = 2$ blocks.',
          rows: TOKENS4,
          cols: TOKENS4,
          answer: (i, j) => j > i && j >= 2,
          explanation: 'Blocked when $j > i$ and $j \\ge 2$: the first two positions see each other, so cell (the, dog) is open; the rest is causal.',
        },
        {
          kind: 'choice',
          id: 'padding-axis',
          prompt: 'The last token of an input is `<pad>`. What does the padding mask block?',
          options: [
            { text: 'Its column: no query may read it.', correct: true },
            { text: 'Its row: it may not read anything.', feedback: 'Padded rows are computed like any other; their results are ignored.', revisit: 2 },
            { text: 'Both its row and its column.', feedback: 'Only the key side is blocked.', revisit: 2 },
            { text: 'Every cell above the diagonal.', feedback: 'That is the causal mask, a pattern; padding depends only on which tokens are `<pad>`.', revisit: 6 },
          ],
          explanation: 'Padding blocks keys. The padded query row is still computed, and its output is simply not used.',
        },
      ],
      notes: 'The cell questions are the heart of this check; let students try before revealing.',
    },
  ],
};

export default lesson;
