// Lesson 6: multi-head attention — dModel split into nHeads × dHead, heads attending separately,
// concatenated and mixed by W_O; one big projection split into heads equals one per head.
import type { Lesson } from './types';

const lesson: Lesson = {
  slug: 'multi-head-attention',
  title: 'Multi-head attention',
  summary: 'Many heads in one matrix multiplication.',
  steps: [
    {
      title: 'Why more than one head',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase runs .', stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'weights' },
      prose: [
        'One head produces one set of weights per token: a single way of deciding what matters. But a token may need several things at once: the noun it agrees with, the word just before it, the start of the clause.',
        '[[multi-head-attention|Multi-head attention]] runs several heads side by side, each with its own queries, keys and values, so each can learn its own pattern.',
      ],
      panels: [{ panel: 'head-overview' }],
      tryIt: 'Compare the heads of this layer: do they spread their weight the same way?',
      notes: 'Ask the room to describe each head’s pattern in words (diagonal, previous token, first token, …) before naming anything.',
    },
    {
      title: 'Splitting dModel into heads',
      prose: [
        'The heads do not add width. The $d_{\\text{model}}$ columns of $Q$, $K$ and $V$ are cut into $n_{\\text{heads}}$ slices of $d_{\\text{head}} = d_{\\text{model}} / n_{\\text{heads}}$ columns ([[d-head|dHead]]); [[head]] $h$ uses the slice from column $h\\,d_{\\text{head}}$ to $(h+1)\\,d_{\\text{head}} - 1$.',
        'For this model: $d_{\\text{model}}$ = {{dModel}}, $n_{\\text{heads}}$ = {{nHeads}}, so $d_{\\text{head}}$ = {{dHead}}. The total work is about the same as one head of full width; it is just divided differently. Nothing forces $d_{\\text{head}} = d_{\\text{model}} / n_{\\text{heads}}$: a model may use smaller or larger heads, but this choice keeps $Q$, $K$ and $V$ at width $d_{\\text{model}}$ and the cost unchanged as heads are added.',
      ],
      formulas: [
        { tex: 'd_{\\text{head}} = \\frac{d_{\\text{model}}}{n_{\\text{heads}}} \\qquad Q_h = Q[:,\\; h\\,d_{\\text{head}} : (h+1)\\,d_{\\text{head}}] \\in \\mathbb{R}^{S \\times d_{\\text{head}}}', label: 'Head h takes its own block of columns (likewise for K and V).' },
      ],
      panels: [{ panel: 'multi-head', options: { parts: 'split' } }],
      notes: 'Each head then computes softmax(Q_h K_hᵀ/√dHead) V_h exactly as in lesson 5.',
    },
    {
      title: 'Concatenate, then mix with W_O',
      state: { stage: 'output' },
      prose: [
        'Each head returns an $S \\times d_{\\text{head}}$ matrix. Placing them side by side (concatenation) gives back $S \\times d_{\\text{model}}$. A last learned matrix, the [[w-o|output projection]] $W_O$, mixes the heads so the information of all of them can combine in every output dimension.',
      ],
      formulas: [
        { tex: '\\text{head}_h = \\operatorname{softmax}\\!\\left(\\frac{Q_h K_h^{\\top}}{\\sqrt{d_{\\text{head}}}}\\right) V_h', label: 'Each head, as in lesson 5.' },
        { tex: '\\operatorname{MultiHead}(X) = \\operatorname{concat}(\\text{head}_1, \\dots, \\text{head}_{n_{\\text{heads}}})\\, W_O + b_O \\qquad W_O \\in \\mathbb{R}^{d_{\\text{model}} \\times d_{\\text{model}}}' },
      ],
      panels: [{ panel: 'multi-head', options: { parts: 'weights,concat' } }, { panel: 'attention-pipeline' }],
      tryIt: 'Each head’s weights stand side by side; their outputs are laid next to each other and mixed by $W_O$. Step the pipeline to "concat heads" and "× W_O": the shape goes $[n_{\\text{heads}}, S, d_{\\text{head}}] \\to [S, d_{\\text{model}}] \\to [S, d_{\\text{model}}]$.',
      notes: 'Heads are numbered from 0 in the app (head 0, head 1, …), as in the code.',
    },
    {
      title: 'One big multiplication, many heads',
      prose: [
        'It would be natural to code $n_{\\text{heads}}$ small projections, one per head. Implementations instead do **one** $d_{\\text{model}} \\times d_{\\text{model}}$ multiplication (in fact one for $Q$, $K$ and $V$ together) and then cut the result into heads. The numbers are identical, because column block $h$ of $XW$ only involves column block $h$ of $W$.',
        'The single large product is faster on real hardware: one big, regular job keeps the arithmetic units busy, while many small ones pay overhead each time. The panel checks the identity on this model’s real layer input $X$.',
      ],
      formulas: [
        { tex: '(X W)[:,\\; h\\,d_{\\text{head}} : (h+1)\\,d_{\\text{head}}] = X \\, W[:,\\; h\\,d_{\\text{head}} : (h+1)\\,d_{\\text{head}}]', label: 'Splitting after the product equals multiplying by each slice.' },
      ],
      panels: [{ panel: 'input' }, { panel: 'head-split', illustration: true, caption: 'X is the model’s real layer input; W is a seeded random matrix, because the identity holds for any W.' }],
      tryIt: 'Change the sentence: both ways of computing give the same numbers, and the largest difference stays at floating-point rounding level.',
      notes: 'This is the "one large multiplication split into parts" remark in the notes, made concrete.',
    },
    {
      title: 'Heads of a trained model',
      state: { layer: 0, head: 1 },
      prose: [
        'Heads of trained models often specialise. This grammar model was trained so that the verb agrees with its subject even across a relative clause. To get that right, some head has to do the looking: at the token just before the verb, put its strongest weight on the subject noun, skipping a nearer noun of the clause. The [model card](#/models) names the head that does this and how often it does.',
        'Not every head is this readable, and a pattern in the weights is a hint about what a head does, not a proof.',
      ],
      panels: [
        { panel: 'guess', options: { mode: 'cell', lesson: 'multi-head-attention', id: 'mh-chase-row', at: 6, prompt: 'The step opens on layer 0, head 1. Before searching: which key do you expect its query `chase` to weigh most?' } },
        { panel: 'input' },
        { panel: 'head-overview' },
        { panel: 'attention-heatmap', options: { show: 'weights' } },
      ],
      tryIt: 'Commit your guess for this head. Then pick each head of both layers in turn. Find the one whose row for `chase` (the token before `runs`) peaks on `dog`, then check it against the model card.',
      notes: 'Check the model card (Models page) for the measured rate of this head. Encourage scepticism: attention weights are not explanations on their own.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on multi-head attention.'],
      questions: [
        {
          kind: 'choice',
          id: 'dhead',
          prompt: 'A model has $d_{\\text{model}} = 512$ and $n_{\\text{heads}} = 8$. What is $d_{\\text{head}}$?',
          options: [
            { text: '64', correct: true },
            { text: '512', feedback: 'Each head gets a slice, not the full width.', revisit: 2 },
            { text: '4096', feedback: 'Heads split the width; they do not multiply it.', revisit: 2 },
            { text: '8', feedback: 'That is the number of heads; each head is $512 / 8$ columns wide.', revisit: 2 },
          ],
          explanation: '$d_{\\text{head}} = d_{\\text{model}} / n_{\\text{heads}} = 512 / 8 = 64$.',
        },
        {
          kind: 'choice',
          id: 'wo',
          prompt: 'What does $W_O$ do?',
          options: [
            { text: 'It mixes the concatenated heads back into one $d_{\\text{model}}$-wide output.', correct: true },
            { text: 'It computes the attention weights.', feedback: 'Weights come from the softmax of $QK^{\\top}/\\sqrt{d_{\\text{head}}}$.', revisit: 3 },
            { text: 'It splits the input into heads.', feedback: 'The split is just slicing columns; no matrix is involved.', revisit: 2 },
            { text: 'It averages the heads into one head.', feedback: 'Nothing is averaged: the heads are placed side by side and $W_O$ is a learned mix of all their columns.', revisit: 3 },
          ],
          explanation: 'After concatenation each output column still comes from one head; $W_O$ lets every output dimension combine all heads.',
        },
        {
          kind: 'choice',
          id: 'one-big',
          prompt: 'Computing $XW_Q$ once and slicing it into heads, compared with one small product per head, gives…',
          options: [
            { text: 'the same numbers, usually faster.', correct: true },
            { text: 'slightly different numbers, faster.', feedback: 'Column block $h$ of $XW$ depends only on column block $h$ of $W$: the math is identical.', revisit: 4 },
            { text: 'the same numbers, slower.', feedback: 'One large product uses the hardware better than many small ones.', revisit: 4 },
            { text: 'different numbers, because the heads now share weights.', feedback: 'Each head still uses its own block of columns of $W$; nothing is shared.', revisit: 4 },
          ],
          explanation: 'Slicing commutes with the product, so the choice is purely about speed, and one big regular job wins.',
        },
      ],
      notes: 'Return to the head overview if question 1 was hard.',
    },
  ],
};

export default lesson;
