// Lesson 4: query, key, value — the search analogy behind the names, before the math of
// self-attention (lesson 5), and where the analogy breaks down.
import type { Lesson } from './types';

const SENTENCE = '<bos> the dog that the cats chase runs .';

const lesson: Lesson = {
  slug: 'query-key-value',
  title: 'Query, key, value',
  summary: 'The search analogy behind attention, and where it breaks down.',
  steps: [
    {
      title: 'Where the names come from',
      state: { model: 'grammar', input: SENTENCE, stack: 'decoder', attention: 'selfAttention', layer: 1, head: 0, stage: 'weights', mask: 'causal' },
      prose: [
        'Before the arithmetic of attention (next lesson), its three names. Think of a library catalogue. You bring a **query** (“books about dogs”). Every book has a **key**, its catalogue entry, and you compare your query with each key. The matching book’s **value**, its contents, is what you take home.',
        'Attention borrows these words. Each token’s [[query]] is compared with every token’s [[key]], and what the token takes home is a mixture of [[value|values]]. In a trained model the comparison can be strikingly specific. The sentence below has a relative clause: `the dog that the cats chase runs .` The main verb `runs` must agree with `dog`, not with the nearer `cats`.',
      ],
      panels: [
        {
          panel: 'guess',
          options: { mode: 'cell', lesson: 'query-key-value', id: 'qkv-chase', at: 6, prompt: 'This head of the grammar model runs at every word. When the query is `chase` (the word just before the main verb), which key do you expect it to weigh most?' },
        },
      ],
      tryIt: 'Commit your guess first, then reveal the model’s weights for that query.',
      notes: 'Let the room guess aloud before anyone presses the button. The grammar model card calls layer 1, head 0 a subject-finding head: from the word before the main verb its strongest weight falls on the subject noun in 99.9% of held-out sentences.',
    },
    {
      title: 'A lookup, live',
      prose: [
        'Here is the same head as a lookup. Pick a query token: the panel shows its weight on each key (the weights of one query add up to 1) and what it receives, the weighted sum of the values. How the weights are computed from queries and keys is the next lesson; here, only what they do.',
      ],
      formulas: [{ tex: '\\text{out}_i = \\sum_j w_{ij} \\; v_j, \\qquad \\sum_j w_{ij} = 1', label: 'Take the values in proportion to how well each key matches query i.' }],
      panels: [{ panel: 'soft-lookup' }],
      tryIt: 'Choose `chase`: this head (layer 1, head 0) puts almost all its weight on `dog`, the subject the coming verb must agree with. Then choose `.` or `runs` and compare.',
      notes: 'The panel recomputes Σ weights·v from the traced weights and V and compares it with the model’s own head output (the difference is at rounding level), so the formula on screen is the code.',
    },
    {
      title: 'A soft search, not an exact one',
      prose: [
        'A catalogue lookup either finds the key or does not, and it returns one record. Attention never does either. Every key matches a little. The weights add up to 1, and the answer is a **blend** of all the values.',
        'The panel puts a number on this: “keys really used” is $1 / \\sum_j w_j^2$. It is 1 when all the weight sits on one key and $S$ when the weight is spread evenly. The cosine compares the blend with the best key’s value alone. Read the two together: a cosine near 1 with about one key used is a clean lookup of one record; a cosine near 1 with several keys used only means that the values being blended point the same way.',
      ],
      panels: [{ panel: 'soft-lookup' }, { panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'Switch heads in the heatmap and watch “keys really used” change: some heads act almost like a lookup, others like an average.',
      notes: 'A sharp head (weight near 1 on one key) is the closest attention comes to a real lookup. Even then the returned vector is v of that key, a learned projection, not the token itself.',
    },
    {
      title: 'Where the analogy breaks down',
      prose: [
        '**There is no separate database.** Queries, keys and values are three learned projections of the **same** tokens (in cross-attention, lesson 11, of two sequences). The collection being “searched” is rebuilt from the input on every run, and it is searched by its own entries.',
        '**There is no “not found”.** The weights always add up to 1, so a query with nothing relevant still has to put its weight somewhere. Trained models often park it on a harmless token, such as the start token `<bos>` in the first column.',
        '**Nobody wrote the queries.** The projections are learned together only to lower the loss. What a head “looks for” is whatever helped, and it is often not a human-readable question.',
        '**Many searches at once, then mixed.** Every head searches separately, in every layer (lesson 6), and their results are mixed. The values a head returns are not the tokens themselves but projections of a stream that earlier layers have already changed.',
      ],
      panels: [{ panel: 'head-overview' }],
      tryIt: 'Look for rows in these thumbnails that put most of their weight on the first column, `<bos>`: queries with no good match parking their attention there.',
      notes: 'The notes say the names are “only an analogy”; this step is where we say exactly which parts of the analogy fail. Keep all four points; students tend to over-read attention maps as explanations.',
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
            { text: 'From a fixed table stored in the model', feedback: 'Nothing is looked up in a stored table: keys and values are computed from the input on every run.', revisit: 4 },
            { text: 'From the training data', feedback: 'The weights were learned from data, but keys and values are computed from the current input.', revisit: 4 },
            { text: 'From the previous sentence the model read', feedback: 'A plain transformer keeps nothing between runs; the keys come from the tokens of this input.', revisit: 4 },
          ],
          explanation: 'Keys and values are computed from the current input, the same tokens that give the queries; only the projections are learned.',
        },
        {
          kind: 'choice',
          id: 'not-found',
          prompt: 'A query matches no key well. What does attention return?',
          options: [
            { text: 'Nothing: the row of weights is all zero.', feedback: 'Unmasked weights always add up to 1.', revisit: 3 },
            { text: 'A blend of values anyway, because the weights still add up to 1', correct: true },
            { text: 'An error', feedback: 'Attention is a smooth computation; it never fails to match.', revisit: 4 },
            { text: 'The value of the query token itself', feedback: 'Only if it happens to weigh itself most; nothing makes the query fall back on its own value.', revisit: 3 },
          ],
          explanation: 'The weights always distribute the full weight of 1. A query with no good match still gets a weighted average, often concentrated on a harmless “parking” token.',
        },
        {
          kind: 'choice',
          id: 'soft-hard',
          prompt: 'The panel shows a cosine of 0.99 between the blend and the best key’s value, with “keys really used” = 2.6. What does that tell you?',
          options: [
            { text: 'The weight is spread over several keys whose values point nearly the same way', correct: true },
            { text: 'It is a clean lookup of one record', feedback: 'A clean lookup uses about one key; 2.6 keys are in use here.', revisit: 3 },
            { text: 'The head is broken', feedback: 'Blending similar values is normal behaviour, not a fault.', revisit: 3 },
            { text: 'All keys get equal weight', feedback: 'Equal weight would mean “keys really used” equal to S, the number of tokens.', revisit: 3 },
          ],
          explanation: 'The cosine alone cannot tell a lookup from a blend of similar values; “keys really used” near 1 is what marks a lookup.',
        },
      ],
      notes: 'Next lesson: the arithmetic that produces these weights.',
    },
  ],
};

export default lesson;
