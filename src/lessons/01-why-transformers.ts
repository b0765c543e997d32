// Lesson 1: why transformers — reading all tokens at once (parallel, quadratic) versus an RNN's
// one-at-a-time reading, and the fixed context window with two ways around it.
import type { Lesson } from './types';

const lesson: Lesson = {
  slug: 'why-transformers',
  title: 'Why transformers',
  summary: 'Reading all tokens at once: parallel, but quadratic in length.',
  steps: [
    {
      title: 'Two ways to read a sentence',
      prose: [
        'Recurrent networks and transformers are put to the same jobs: translating, writing the next word, summarising, deciding whether a review is positive. What separates them is **how they read**.',
        'A [[rnn|recurrent network]] moves through the input one [[token]] at a time. It keeps a running summary, the hidden state $h$, and each step folds one more token into it. Step 5 cannot start until step 4 is finished.',
        'A transformer takes the whole input in one go. Every token looks at every other token in the same step, so nothing has to wait for the token before it.',
      ],
      formulas: [{ tex: 'h_t = f(h_{t-1},\\, x_t)', label: 'An RNN step: the new state needs the previous one, so the steps run in order.' }],
      panels: [{ panel: 'sequential-vs-parallel', illustration: true, caption: 'A drawing, not a model run: one time step per press of Step.' }],
      tryIt: 'Press **Step** a few times. The RNN needs one time step per token; the transformer is done after the first, having compared every pair.',
      notes:
        'Open with the shared use cases, then the difference in reading order. Step the animation slowly: the RNN row fills left to right, the transformer row lights up at once with all the pairwise arcs. Ask: which of the two can use a GPU’s thousands of cores?',
    },
    {
      title: 'Parallel, but quadratic',
      prose: [
        'Reading everything at once has a price. To decide what each token should take from the others, attention scores **every pair** of tokens. With $S$ tokens that is an $S \\times S$ grid of [[scores]] for each head in each layer: double the input and the grid has four times as many cells.',
        'An RNN does work proportional to $S$, but in $S$ steps that must run one after another. A transformer layer has two kinds of work. Its projections and feed-forward network treat each token alone: about $12\\,S\\,d_{\\text{model}}^2$ multiply-adds, linear in $S$. Its attention scores every pair: about $2\\,S^2 d_{\\text{model}}$, quadratic in $S$. The quadratic part overtakes the linear part only when $S > 6\\,d_{\\text{model}}$. For the models in this course ($d_{\\text{model}} = 64$, $S \\approx 10$) the linear part is about 40 times larger; for long documents the $S^2$ part dominates.',
        'Either way, all of a transformer layer’s work can run at the same time. On hardware built for parallel arithmetic the transformer usually finishes first, even though it does more arithmetic.',
        'A word on notation: $S$ is [[sequence-length|the sequence length]], $d_{\\text{model}}$ the width of each token’s vector and $d_{\\text{head}}$ the width of one attention head (some notes write $H$ for it).',
      ],
      formulas: [
        { tex: '\\text{RNN: } \\underbrace{S}_{\\text{steps in order}} \\times\\; O(d_{\\text{model}}^2)\\ \\text{work each}', label: 'Linear in S, but strictly sequential.' },
        {
          tex: '\\text{transformer layer: } \\underbrace{12\\, S\\, d_{\\text{model}}^2}_{\\text{projections, FFN}} + \\underbrace{2\\, S^2 d_{\\text{model}}}_{\\text{scores, weights}\\cdot V}\\ \\text{work, all at once}',
          label: 'Linear plus quadratic in S (with dFF = 4·dModel); every part can be computed at the same time.',
        },
      ],
      panels: [{ panel: 'cost', illustration: true, caption: 'Operation counts from the formulas above, for a chosen width; not a timing.' }],
      tryIt: 'Change the largest S on the length axis: at short lengths the transformer’s total follows its linear projections and feed-forward; past $6\\,d_{\\text{model}}$ the attention part bends it upward like $S^2$. Its number of sequential steps stays flat, while the RNN’s grows with $S$.',
      notes:
        'The key contrast: total work versus the length of the critical path. Transformers trade more total work for a short critical path. Point at where the attention curve crosses the projections + FFN curve (S = 6·dModel = 384 at dModel 64). Mention that the S² also shows up in memory: the weights grid is stored per head.',
    },
    {
      title: 'Count the pairs on a real model',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase runs .', layer: 0, head: 0, stage: 'weights' },
      prose: [
        'Here is a real, trained transformer running in your browser: a small decoder-only model that learned a toy English grammar. Below is one head’s grid of attention weights.',
        'Rows are queries (the token doing the looking), columns are keys (the token being looked at). With $S$ tokens the grid has $S$ rows and $S$ columns. The hatched cells above the diagonal are blocked because this model may not look ahead; the [[mask|masking]] lesson explains why.',
      ],
      panels: [
        { panel: 'guess', options: { mode: 'cell', lesson: 'why-transformers', id: 'why-last-row', at: 'last', prompt: 'Before you look at the grid: in this head, which earlier token does the final full stop weigh most?' } },
        { panel: 'input' },
        { panel: 'attention-heatmap' },
      ],
      tryIt: 'Commit your guess, then check it in the heatmap’s last row. Add words to the sentence (the model knows words like `dog`, `cats`, `that`, `chase`, `runs`; keep `<bos>` first and the full stop as a separate word). Each extra word adds a row and a column: the grid grows as $S^2$.',
      notes:
        'Type live. Let students suggest words. Count cells aloud for 4 and 8 tokens (16 vs 64). The model is tiny, so this is instant; the same arithmetic on 100k tokens is why long context is expensive.',
    },
    {
      title: 'No memory beyond the window',
      prose: [
        'An RNN can in principle carry its hidden state forward forever (in practice it forgets gradually). A plain transformer has no state that survives between runs: it sees exactly the tokens inside its [[context-window|context window]] and nothing else.',
        'When a transformer writes text it works [[autoregressive|autoregressively]]: it predicts one token, appends it to the input, and reads the whole window again for the next one. Once the text is longer than the window, the oldest tokens slide out and are gone for good.',
      ],
      panels: [{ panel: 'context-window', illustration: true, options: { window: 8 }, caption: 'Words crossed out are outside the window: for the model they do not exist.' }],
      tryIt: 'Shrink the window and move the prediction point: the struck-through words are everything the model cannot use.',
      notes:
        'Make the point that the window is a hard limit, not gradual forgetting. Ask what happens to a character introduced on page 1 of a novel when the model is writing page 50.',
    },
    {
      title: 'Ways around the window',
      prose: [
        'Making the window bigger works, but the $S^2$ grid makes it expensive. Two research directions add memory instead.',
        '**Transformer-XL** processes long text in segments and keeps the hidden states of the previous segment in a cache. The current segment may attend to that cache too, so information can travel back further than one window; it switches to relative positions so the cached states still line up.',
        '**Infini-attention** gives each attention layer a compressive memory of fixed size. After each segment the keys and values are folded into that memory; later segments read from it with a cheap, linear form of attention and blend the result with ordinary attention over the current segment through a learned gate. Memory stays the same size however long the text grows.',
        'Both are extensions. The transformer of the original paper, and the models in this course, see only their window.',
      ],
      formulas: [
        { tex: '\\text{memory of the weights grid per head} \\propto S^2', label: 'Why simply widening the window is costly.' },
      ],
      notes:
        'Keep this short and qualitative; the references page links both papers. The honest summary: memory is bolted on; the core architecture has none.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three quick questions. Pick an answer to see whether it is right and why.'],
      questions: [
        {
          kind: 'choice',
          id: 'pairs',
          prompt: 'An input has 10 tokens. How many attention scores does one head of one layer compute?',
          options: [
            { text: '10', feedback: 'That would be one score per token; attention scores pairs of tokens.', revisit: 2 },
            { text: '20', feedback: 'Pairs grow faster than that: each of the 10 queries meets each of the 10 keys.', revisit: 3 },
            { text: '100', correct: true },
            { text: '1024', feedback: 'That is $2^{10}$; the growth is quadratic, not exponential.', revisit: 2 },
          ],
          explanation: 'Each of the $S = 10$ queries is scored against each of the $S = 10$ keys: $S^2 = 100$ cells per head per layer (a causal mask later blocks some of them, but they are still laid out).',
        },
        {
          kind: 'choice',
          id: 'faster',
          prompt: 'Why is a transformer often faster than an RNN even though it does more arithmetic?',
          options: [
            { text: 'Its work can be done in parallel, while an RNN’s step $t$ must wait for step $t-1$.', correct: true },
            { text: 'It skips tokens that are not important.', feedback: 'No: every token is processed; attention weighs them, it does not skip them.', revisit: 1 },
            { text: 'Its arithmetic grows linearly with the length.', feedback: 'Its attention part grows quadratically with the length $S$; only the projections and feed-forward grow linearly.', revisit: 2 },
            { text: 'It keeps a hidden state that summarises the past.', feedback: 'That is the RNN; a transformer reads the whole window again instead.', revisit: 4 },
          ],
          explanation: 'The total work is larger (an $S^2$ term on top of the linear ones), but it has no chain of dependent steps through the sequence, so parallel hardware can do it at once.',
        },
        {
          kind: 'choice',
          id: 'window',
          prompt: 'A plain transformer with a 512-token window is predicting token 600. What can it use from token 1?',
          options: [
            { text: 'A faded version of it, like an RNN’s hidden state.', feedback: 'A plain transformer carries no state from earlier windows.', revisit: 4 },
            { text: 'Nothing: token 1 is outside the window.', correct: true },
            { text: 'Everything, because attention sees all tokens.', feedback: 'Attention sees all tokens inside the window only.', revisit: 4 },
            { text: 'A compressed summary kept in a memory.', feedback: 'That is what extensions such as Infini-attention add; a plain transformer has none.', revisit: 5 },
          ],
          explanation: 'Only tokens 88–599 (the last 512) are in view. Memory beyond the window needs an extension such as Transformer-XL’s cache or Infini-attention’s compressive memory.',
        },
      ],
      notes: 'Let the room vote before revealing. Question 1 sets up the S² intuition used in every later lesson.',
    },
  ],
};

export default lesson;
