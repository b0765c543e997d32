// Lesson 14: query, key, value — the search analogy behind the names, where it breaks down, and a
// recap that links back to every lesson of the course.
import type { Lesson } from './types';

const SENTENCE = '<bos> the dog that the cats chase runs .';

const lesson: Lesson = {
  slug: 'query-key-value',
  title: 'Query, key, value',
  summary: 'The search analogy, and where it breaks down.',
  steps: [
    {
      title: 'Where the names come from',
      state: { model: 'grammar', input: SENTENCE, stack: 'decoder', attention: 'selfAttention', layer: 1, head: 0, stage: 'weights', mask: 'causal' },
      prose: [
        'Think of a library catalogue. You bring a **query** (“books about dogs”). Every book has a **key**, its catalogue entry, and you compare your query with each key. The matching book’s **value**, its contents, is what you take home.',
        'Attention borrows these words. Each token’s [[query]] is compared with every token’s [[key]] by a dot product, and what the token takes home is a mixture of [[value|values]]. The panel shows this for one query of one head. Pick a query token to see its weight on each key and what it receives.',
      ],
      formulas: [{ tex: '\\text{out}_i = \\sum_j \\underbrace{\\operatorname{softmax}_j\\!\\left(\\frac{q_i \\cdot k_j}{\\sqrt{d_{\\text{head}}}}\\right)}_{\\text{how well key } j \\text{ matches query } i} \\; v_j', label: 'Compare the query with every key, then take the values in proportion.' }],
      panels: [{ panel: 'soft-lookup' }],
      tryIt: 'Choose `chase`, the word just before the main verb. This head (layer 1, head 0) puts almost all its weight on `dog`, the subject the coming verb must agree with: about as close to a clean lookup as attention gets. Then choose `.` or `runs` and compare.',
      notes: 'The grammar model card calls layer 1, head 0 a subject-finding head: from the word before the main verb its strongest weight falls on the subject noun in 99.9% of held-out sentences. The panel recomputes Σ weights·v from the traced weights and V and compares it with the model’s own head output (the difference is at rounding level), so the formula on screen is the code.',
    },
    {
      title: 'A soft search, not an exact one',
      prose: [
        'A catalogue lookup either finds the key or does not, and it returns one record. Attention never does either. Every key matches a little. The softmax turns the matches into weights that add up to 1, and the answer is a **blend** of all the values.',
        'The panel puts a number on this: “keys really used” is $1 / \\sum_j w_j^2$. It is 1 when all the weight sits on one key and $S$ when the weight is spread evenly. The cosine compares the blend with the best key’s value alone: 1 would mean “a clean lookup of one record”.',
      ],
      panels: [{ panel: 'soft-lookup' }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'Switch heads in the heatmap and watch “keys really used” change: some heads act almost like a lookup, others like an average.',
      notes: 'A sharp head (weight near 1 on one key) is the closest attention comes to a real lookup. Even then the returned vector is v of that key, a learned projection, not the token itself.',
    },
    {
      title: 'Where the analogy breaks down',
      prose: [
        '**There is no separate database.** Queries, keys and values are three learned projections of the **same** tokens (in cross-attention, of two sequences). The collection being “searched” is rebuilt from the input on every run, and it is searched by its own entries.',
        '**There is no “not found”.** The weights always add up to 1, so a query with nothing relevant still has to put its weight somewhere. Trained models often park it on a harmless token, such as the start token `<bos>` in the first column.',
        '**Nobody wrote the queries.** $W_Q$ and $W_K$ are learned together only to lower the loss. What a head “looks for” is whatever helped, and it is often not a human-readable question.',
        '**Many searches at once, then mixed.** Every head searches separately, in every layer, and $W_O$ mixes their results. The values a head returns are not the tokens themselves but projections of a stream that earlier layers have already changed.',
      ],
      panels: [{ panel: 'head-overview' }],
      tryIt: 'Look for rows in these thumbnails that put most of their weight on the first column, `<bos>`: queries with no good match parking their attention there.',
      notes: 'The notes say the names are “only an analogy”; this step is where we say exactly which parts of the analogy fail. Keep all four points; students tend to over-read attention maps as explanations.',
    },
    {
      title: 'The whole course in one pass',
      prose: [
        'Text becomes [[token|tokens]] and [[embedding|embeddings]] (lesson 2), plus [[positional-encoding|positions]] (3). [[self-attention|Self-attention]] mixes information between tokens (4), in several [[head|heads]] at once (5), limited by [[mask|masks]] (6). A [[feed-forward]] network works on each token by itself (7), and [[residual|residuals]] and [[layer-norm|LayerNorm]] keep the stack trainable (8).',
        'Stacks of such layers form [[encoder|encoders]] (9) and decoders with [[cross-attention]] (10). A de-embedding turns vectors into [[logits]] and probabilities (11). Training uses [[teacher-forcing|teacher forcing]], while generation goes one token at a time (12). The three families arrange these parts differently (13), and query, key and value are names for the roles in attention’s soft search (14).',
      ],
      panels: [{ panel: 'recap', illustration: true }],
      tryIt: 'Open any lesson from the list to revisit it; your progress stays on the course map.',
      notes: 'A good closing exercise: ask students to trace one token of the dates model from its character to its ISO output, naming every lesson on the way.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on queries, keys and values.'],
      questions: [
        {
          kind: 'choice',
          id: 'qkv-source',
          prompt: 'In self-attention, where do the keys and values that a query searches come from?',
          options: [
            { text: 'From the same tokens as the queries, through learned projections', correct: true },
            { text: 'From a fixed table stored in the model', feedback: 'Nothing is looked up in a stored table: keys and values are computed from the input on every run.' },
            { text: 'From the training data', feedback: 'The weights were learned from data, but keys and values are computed from the current input.' },
          ],
          explanation: '$K = XW_K$ and $V = XW_V$ are computed from the current input $X$, the same $X$ that gives $Q = XW_Q$.',
        },
        {
          kind: 'choice',
          id: 'not-found',
          prompt: 'A query matches no key well. What does attention return?',
          options: [
            { text: 'Nothing: the row of weights is all zero.', feedback: 'Unmasked weights come from a softmax, so they always add up to 1.' },
            { text: 'A blend of values anyway, because the weights still add up to 1', correct: true },
            { text: 'An error', feedback: 'Attention is a smooth computation; it never fails to match.' },
          ],
          explanation: 'The softmax always distributes the full weight of 1. A query with no good match still gets a weighted average, often concentrated on a harmless “parking” token.',
        },
        {
          kind: 'choice',
          id: 'soft-hard',
          prompt: 'When does attention behave most like an exact lookup?',
          options: [
            { text: 'When one key gets almost all of the weight', correct: true },
            { text: 'When all keys get equal weight', feedback: 'That is the opposite: a plain average of every value.' },
            { text: 'Never, because the scores are divided by $\\sqrt{d_{\\text{head}}}$', feedback: 'The scaling keeps the softmax from saturating; it does not stop a head from becoming sharp.' },
          ],
          explanation: 'With one weight near 1, the output is almost exactly that key’s value, the closest thing to “found it, here is the record”.',
        },
      ],
      notes: 'End of the course: point back to the course map and the playground for open-ended exploration.',
    },
  ],
};

export default lesson;
