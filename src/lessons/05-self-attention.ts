// Lesson 5: self-attention — Q, K, V from one input; scores, the √dHead scaling, softmax and the
// weighted sum of values, stepped through on a real sentence; any weight opens its dot product.
import type { Lesson } from './types';

const SENTENCE = '<bos> the dog that the cats chase runs .';

const lesson: Lesson = {
  slug: 'self-attention',
  title: 'Self-attention',
  summary: 'Queries, keys, values, scores and weights, step by step.',
  steps: [
    {
      title: 'One input, three roles',
      state: { model: 'grammar', input: SENTENCE, stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'q' },
      prose: [
        'Each token arrives as a vector of $d_{\\text{model}}$ numbers (row $i$ of $X$). [[self-attention|Self-attention]] lets every token gather information from the others, and to do that it gives each token three learned projections:',
        'a [[query]] (what this token is looking for), a [[key]] (what it offers to be found by) and a [[value]] (what it passes on when found). All three come from the **same** input $X$, which is what "self" means. Each is a matrix with one row per token.',
      ],
      formulas: [
        { tex: 'Q = X W_Q + b_Q \\qquad K = X W_K + b_K \\qquad V = X W_V + b_V', label: 'Three linear maps of the same input X, of shape [S, dModel].' },
        { tex: 'Q_h,\\; K_h,\\; V_h \\in \\mathbb{R}^{S \\times d_{\\text{head}}}', label: 'Each head h takes its own dHead columns (lesson 6); here we follow one head.' },
      ],
      panels: [{ panel: 'attention-core' }],
      tryIt: 'Look at $Q$, $K$ and $V$ of head 0: one row per token of the sentence, $d_{\\text{head}}$ = {{dHead}} columns. Then press Next to follow one query through its dot products, weights and the weighted sum of value rows.',
      notes: 'The grammar model is a small decoder trained on an English-like grammar; the sentence has a relative clause, so the verb "runs" must agree with "dog", not with the nearer "cats".',
    },
    {
      title: 'Scores: every query against every key',
      state: { stage: 'scores' },
      prose: [
        'To decide how much token $i$ should take from token $j$, attention takes the dot product of query $i$ with key $j$: large when the two point the same way. Doing this for all pairs is one matrix product, $QK^{\\top}$, an $S \\times S$ grid.',
        'In every grid in this course, **rows are queries and columns are keys**: row $i$ holds what token $i$ thinks of each other token. The result, divided by $\\sqrt{d_{\\text{head}}}$, is called the [[scores]].',
      ],
      formulas: [{ tex: '\\text{scores}_{ij} = \\frac{q_i \\cdot k_j}{\\sqrt{d_{\\text{head}}}} \\qquad \\text{scores} = \\frac{Q_h K_h^{\\top}}{\\sqrt{d_{\\text{head}}}} \\in \\mathbb{R}^{S \\times S}' }],
      panels: [{ panel: 'attention-heatmap', options: { show: 'scores' } }],
      tryIt: 'Hover or focus a cell (arrow keys move between cells): the tooltip names the query token, the key token, and the score.',
      notes: 'Scores are signed, drawn on a diverging map centred at 0. Some cells are hatched: this decoder is not allowed to look ahead (lesson 7); their scores are computed but will be discarded.',
    },
    {
      title: 'Why divide by √dHead',
      prose: [
        'A dot product adds up $d_{\\text{head}}$ products. If the entries of $q$ and $k$ are roughly independent with variance 1, the sum has variance $d_{\\text{head}}$: the wider the head, the bigger the scores.',
        'Very large scores push the softmax (next step) to put almost all weight on one key, where its gradient nearly vanishes and learning stalls. Dividing by $\\sqrt{d_{\\text{head}}}$ brings the variance back to about 1, whatever the head size. For this model that divisor is $\\sqrt{ {{dHead}} }$.',
      ],
      formulas: [
        { tex: '\\operatorname{Var}(q \\cdot k) = \\sum_{m=1}^{d_{\\text{head}}} \\operatorname{Var}(q_m k_m) = d_{\\text{head}} \\quad\\Rightarrow\\quad \\operatorname{Var}\\!\\left(\\frac{q \\cdot k}{\\sqrt{d_{\\text{head}}}}\\right) = 1', label: 'Assuming independent entries with mean 0 and variance 1.' },
      ],
      panels: [
        { panel: 'guess', options: { mode: 'cell', lesson: 'self-attention', id: 'sa-runs-row', at: 7, prompt: 'The next step turns these scores into weights. For the query `runs` in this head, which key do you expect to get the largest weight?' } },
      ],
      tryIt: 'Commit your guess; the next step shows every weight of the grid.',
      notes: 'This is the "scaled" in scaled dot-product attention. The notes write H for the head size; we write dHead.',
    },
    {
      title: 'Softmax turns scores into weights',
      state: { stage: 'weights' },
      prose: [
        'Each row of scores goes through a [[softmax]]: exponentiate, then divide by the row’s total. Every weight becomes positive and each **row sums to 1**, a recipe for mixing: "take 70 % of this token, 20 % of that one…".',
        'Cells blocked by a [[mask]] are left out of the sum and get weight exactly 0 (this model blocks the future, so the upper triangle is 0). The result is the attention [[attention-weights|weights]].',
      ],
      formulas: [{ tex: '\\text{weights}_{ij} = \\frac{\\exp(\\text{scores}_{ij})}{\\sum_{j\' \\text{ not blocked}} \\exp(\\text{scores}_{ij\'})} \\qquad \\sum_j \\text{weights}_{ij} = 1' }],
      panels: [{ panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'Hover a cell: the tooltip shows the score it came from and the weight after the softmax. Check that a row’s weights add up to 1.',
      notes: 'Colour map: viridis for [0, 1], with a numeric legend. Hatched = blocked.',
    },
    {
      title: 'A weighted sum of values',
      state: { stage: 'headOutputs' },
      prose: [
        'Finally each token collects the values of the others, each multiplied by its weight. The result for token $i$ is a blend of value vectors, mostly from the tokens it attends to most.',
        'That is the whole mechanism for one head: a new vector per token that carries information from elsewhere in the sequence.',
      ],
      formulas: [
        { tex: '\\text{head}_h = \\operatorname{softmax}\\!\\left(\\frac{Q_h K_h^{\\top}}{\\sqrt{d_{\\text{head}}}}\\right) V_h \\in \\mathbb{R}^{S \\times d_{\\text{head}}} \\qquad \\text{head}_{h,i} = \\sum_j \\text{weights}_{ij}\\, v_j' },
      ],
      panels: [{ panel: 'attention-core' }, { panel: 'attention-pipeline' }],
      tryIt: 'In the core, pick a query token and watch each value row scaled by its weight and summed into its output row. Then step through the pipeline stages from $Q K^{\\top}$ to $\\times V$ and watch the shapes: $[S, S]$ weights times $[S, d_{\\text{head}}]$ values gives $[S, d_{\\text{head}}]$.',
      notes: 'Keep the shape bookkeeping on the board: S × dHead, S × S, S × dHead.',
    },
    {
      title: 'Click a weight, see its dot product',
      state: { layer: 1 },
      prose: [
        'Everything above is live. Change the sentence and every number is recomputed by the model in your browser. Select a cell to see the dot product behind it, recomputed from the traced query and key and checked against the model’s own score.',
        'This model was trained so that the main verb agrees with its subject, even across a relative clause. Look in layer 1 for a head that, at the token just before the verb, puts its largest weight on the subject noun; the [model card](#/models) names the head and how often it does this. Try a singular and a plural subject.',
      ],
      panels: [{ panel: 'input' }, { panel: 'attention-heatmap', options: { show: 'weights', explain: true } }],
      tryIt: 'Select a cell to see $q_i$, $k_j$, their products, the sum divided by $\\sqrt{d_{\\text{head}}}$ and the weight. Then type `<bos> the dogs that the cat chases run .` and compare the row of the token just before the main verb (`chases` here, `chase` in the first sentence).',
      notes: 'The model card names the head whose strongest weight falls on the subject; open layer and head controls to find it. Do not oversell: other heads do other, less readable things.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on self-attention.'],
      questions: [
        {
          kind: 'choice',
          id: 'row-sum',
          prompt: 'In the grid of attention weights (rows are queries, columns are keys), what adds up to 1?',
          options: [
            { text: 'Each row.', correct: true },
            { text: 'Each column.', feedback: 'A key can be attended by many queries or by none; columns have no fixed total.', revisit: 4 },
            { text: 'The whole grid.', feedback: 'The grid holds S rows that each sum to 1, so it totals S.', revisit: 4 },
            { text: 'Nothing: the weights are raw dot products.', feedback: 'Those are the scores; the softmax turns each row of scores into weights that add up to 1.', revisit: 4 },
          ],
          explanation: 'The softmax runs along each row, over the keys one query may see, so every query distributes exactly 1 unit of attention.',
        },
        {
          kind: 'choice',
          id: 'scale',
          prompt: 'Scores are divided by $\\sqrt{d_{\\text{head}}}$ because…',
          options: [
            { text: 'it makes each row sum to 1.', feedback: 'That is the softmax’s job.', revisit: 4 },
            { text: 'without it, dot products grow with the head size and the softmax saturates.', correct: true },
            { text: 'it converts scores into probabilities.', feedback: 'The softmax does that; the division only rescales.', revisit: 4 },
            { text: 'it averages over the heads.', feedback: 'Each head is computed on its own; $\\sqrt{d_{\\text{head}}}$ is about the width of one head’s vectors.', revisit: 3 },
          ],
          explanation: 'A sum of $d_{\\text{head}}$ products has variance about $d_{\\text{head}}$; dividing by its square root keeps scores near unit scale so the softmax stays soft and trainable.',
        },
        {
          kind: 'choice',
          id: 'shape',
          prompt: 'A sentence has $S = 6$ tokens and $d_{\\text{head}} = 16$. What is the shape of one head’s output, weights × $V$?',
          options: [
            { text: '$[6, 6]$', feedback: 'That is the shape of the weights.', revisit: 5 },
            { text: '$[6, 16]$', correct: true },
            { text: '$[16, 16]$', feedback: 'The token axis stays: one output row per token.', revisit: 5 },
            { text: '$[16, 6]$', feedback: 'Rows are tokens and columns are the $d_{\\text{head}}$ numbers of each, not the other way round.', revisit: 5 },
          ],
          explanation: '$[S, S] \\times [S, d_{\\text{head}}] = [S, d_{\\text{head}}]$: one blended value vector per token.',
        },
      ],
      notes: 'Question 1 is the single most important reading skill for every heatmap in the course.',
    },
  ],
};

export default lesson;
