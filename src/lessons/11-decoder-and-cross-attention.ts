// Lesson 11: the decoder block (masked self-attention, cross-attention, feed-forward) and
// cross-attention on the dates model: each output character and where it looks in the input.
import type { Lesson } from './types';

const SRC = 'Wednesday the 3rd of March 2021';
const TGT = '2021-03-03';

const lesson: Lesson = {
  slug: 'decoder-and-cross-attention',
  title: 'Decoder and cross-attention',
  summary: 'Where each output character looks in the input.',
  steps: [
    {
      title: 'The decoder layer: three sublayers',
      state: { model: 'dates', src: SRC, tgt: TGT, stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'weights', mask: 'causal' },
      prose: [
        'The dates model reads a date written the way people write them and writes it in ISO form, `YYYY-MM-DD`. It is an [[encoder-decoder]]: an encoder reads the source text (lesson 10) and a [[decoder]] writes the answer one character at a time.',
        'A decoder layer has **three** sublayers instead of two. First, masked self-attention over the characters written so far. Second, **cross-attention**, which reads the encoder’s output. Third, the feed-forward network. Each has its residual connection and LayerNorm; this model is {{norm}}, so each sublayer reads a normalised copy of the stream and adds its result back.',
      ],
      formulas: [
        { tex: 'x \\leftarrow x + \\operatorname{SelfAttn}_{\\text{causal}}\\big(\\operatorname{LN}_1(x)\\big)', label: 'Sublayer 1: the decoder reads its own earlier positions only.' },
        { tex: 'x \\leftarrow x + \\operatorname{CrossAttn}\\big(\\operatorname{LN}_2(x),\\, M\\big)', label: 'Sublayer 2: queries from the decoder, keys and values from the encoder output M.' },
        { tex: 'x \\leftarrow x + \\operatorname{FFN}\\big(\\operatorname{LN}_3(x)\\big)', label: 'Sublayer 3: the feed-forward network (pre-norm, as this model).' },
      ],
      panels: [{ panel: 'architecture' }],
      tryIt: 'In the diagram, follow the arrow from the encoder’s column into the decoder’s cross-attention block: that is the only place where the two stacks meet.',
      notes: 'In post-norm form the same layer reads LN(x + SelfAttn(x)), and so on; the three sublayers and their order are the same. The dates model has 2 encoder layers and 1 decoder layer.',
    },
    {
      title: 'Masked self-attention over the output so far',
      prose: [
        'The decoder’s input is the answer so far, shifted one place to the right behind a start token `<bos>`. Position $i$ must predict the character at position $i+1$, so its self-attention uses the [[causal-mask|causal mask]] from lesson 7: it may read positions $0 \\ldots i$ and nothing later.',
        'This sublayer tells each position what has been written already: for example that the year is done and a month comes next.',
      ],
      panels: [{ panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'The upper triangle is hatched: no decoder position reads a later one. The `<bos>` row has a single allowed cell.',
      notes: 'Lesson 13 shows why this mask lets training handle all positions at once.',
    },
    {
      title: 'Cross-attention: queries from the decoder, keys and values from the encoder',
      state: { attention: 'crossAttention', stage: 'weights' },
      prose: [
        '[[cross-attention|Cross-attention]] is attention with **two** inputs. The **queries** come from the decoder’s stream, one per output position. The **keys and values** come from the encoder’s output $M$, one per source character. (Some notes say it the other way round; the formulas and the code are unambiguous.)',
        'The weights are therefore not square. There is one row per decoder position and one column per source character, $S_{\\text{tgt}} \\times S_{\\text{src}}$. No causal mask is needed, because the whole source is known from the start; only padded source characters would be blocked.',
      ],
      formulas: [
        { tex: 'Q = X_{\\text{dec}} W_Q \\in \\mathbb{R}^{S_{\\text{tgt}} \\times d_{\\text{head}}}, \\quad K = M W_K,\\;\\; V = M W_V \\in \\mathbb{R}^{S_{\\text{src}} \\times d_{\\text{head}}}', label: 'Per head; X_dec is the decoder stream (after LN₂), M the encoder output.' },
        { tex: '\\text{weights} = \\operatorname{softmax}\\!\\left(\\frac{Q K^{\\top}}{\\sqrt{d_{\\text{head}}}}\\right) \\in \\mathbb{R}^{S_{\\text{tgt}} \\times S_{\\text{src}}}, \\qquad \\text{out} = \\text{weights}\\; V', label: 'Rows: decoder positions (queries). Columns: source characters (keys).' },
      ],
      panels: [
        { panel: 'guess', options: { mode: 'cell', lesson: 'decoder-and-cross-attention', id: 'cross-day-digit', at: 9, prompt: 'Cover the grid below first. Decoder position 9 has just read the `0` of the day and must write the day’s last digit, `3`. Which source character do you expect head 0 to weigh most?' } },
        { panel: 'attention-heatmap', options: { show: 'weights' } },
      ],
      tryIt: 'Commit your guess, then read the row of position 9 in the heatmap. Read other rows: one decoder position spreading its attention over the source characters. Switch heads to see how they divide the work.',
      notes: 'This is the correction to the course notes: the notes’ prose puts the queries on the encoder side, but their own formula (and PyTorch, and our code) takes Q from the decoder. Key and value rows come from the same encoder positions, so the columns are the source characters.',
    },
    {
      title: 'Where each output character looks',
      prose: [
        'Now read the same weights one output character at a time. The decoder position that reads `<bos>` writes the first year digit, the next position writes the second, and so on. For each position the panel shows what it **writes** (its most likely next character) and how its attention falls on the source text.',
        'Start with the digits that carry information. The last two year digits look at the `2` and the `1` of `2021`. The month digit `3` looks at the word `March` (mostly its `M`). The day digit `3` puts most of its weight on the `3` of `3rd`. Nobody told the model where these parts are: reading from the right place was simply the only way to get the answer right.',
        'Other characters need less reading: the `0` in front of the month, the `0` of `2021` (the century part is easy to infer) and the `-` separators. Their weights are spread thin over the source, and the decoder relies more on what it has already written.',
      ],
      panels: [{ panel: 'cross-alignment' }],
      tryIt: 'Step through the output characters and watch the strongest source character move from the year to the month to the day. Compare the mean over heads with each single head: some heads are much sharper than the mean.',
      notes: 'Checked on the shipped file for this example (mean over the 4 heads of decoder layer 0; src/lessons/claims.test.ts keeps it true): year digits 3 and 4 → 0.29 and 0.69 on the matching source digit, month digit → 0.44 on `M`, day digit → 0.88 on `3`. The leading zeros and the separators are spread. Over 2,000 held-out dates the model card measures the strongest (mean) weight inside the matching part of the source for 87.6% of year characters, 90.7% of month characters and 97.8% of day characters.',
    },
    {
      title: 'Same date, another format',
      prose: [
        'The real test is a format in which the parts sit elsewhere. In `03/04/1999` the month comes first (US order); in `3.4.1999` the day comes first. The characters `3` and `4` are the same in both: only the format says which one is the month.',
        'The step starts with `03/04/1999` and its answer `1999-03-04`: the month digit `3` looks at the `3` in first place, the day digit `4` at the `4` in second place. The model learned to read the order from the separators.',
      ],
      state: { src: '03/04/1999', tgt: '1999-03-04' },
      panels: [{ panel: 'input' }, { panel: 'cross-alignment' }],
      tryIt: 'Change the source to `3.4.1999` and the target to `1999-04-03`. The month digit `4` now looks at the `4` in second place, and the day digit `3` at the `3` in first place.',
      notes: 'The target here is typed (teacher forcing, lesson 13); the alignment of the model’s own greedy output is the same when its answer is right.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on the decoder. For the grid, rows are decoder positions (queries) and columns are source characters (keys).'],
      questions: [
        {
          kind: 'choice',
          id: 'cross-qkv',
          prompt: 'In cross-attention, where do the queries, keys and values come from?',
          options: [
            { text: 'Queries from the decoder; keys and values from the encoder output.', correct: true },
            { text: 'Queries from the encoder; keys and values from the decoder.', feedback: 'That is the slip in some notes. The decoder asks the questions, and the source supplies keys to match and values to copy.', revisit: 3 },
            { text: 'All three from the decoder, as in self-attention.', feedback: 'Then the decoder would never read the source at all.', revisit: 3 },
            { text: 'Queries and keys from the decoder; values from the encoder.', feedback: 'Keys and values always come from the same positions: the source characters.', revisit: 3 },
          ],
          explanation: 'Each decoder position asks (query) which source positions matter (keys) and takes their content (values); that is how the output is conditioned on the input.',
        },
        {
          kind: 'choice',
          id: 'cross-shape',
          prompt: 'The decoder has $S_{\\text{tgt}} = 11$ positions and the source has $S_{\\text{src}} = 30$ characters, with $n_{\\text{heads}} = 4$. What shape are the cross-attention weights?',
          options: [
            { text: 'Shape $[4, 11, 30]$', correct: true },
            { text: 'Shape $[4, 30, 11]$', feedback: 'Rows are queries, and the queries are the 11 decoder positions.', revisit: 3 },
            { text: 'Shape $[4, 11, 11]$', feedback: 'That is the decoder’s self-attention.', revisit: 2 },
            { text: 'Shape $[11, 30]$, one grid for all heads', feedback: 'Each head has its own grid of weights.', revisit: 3 },
          ],
          explanation: 'One $S_{\\text{tgt}} \\times S_{\\text{src}}$ grid per head: a row for each decoder position and a column for each source character.',
        },
        {
          kind: 'cells',
          id: 'cross-pad-cells',
          prompt: 'The source is `3 . <pad>` and the decoder reads `<bos> 2 0`. Select every cross-attention cell that is blocked.',
          rows: ['<bos>', '2', '0'],
          cols: ['3', '.', '<pad>'],
          answer: (_i, j) => j === 2,
          explanation: 'Cross-attention has no causal mask, because the whole source is known. Only the padded source key is blocked, in every row.',
        },
      ],
      notes: 'Question 3 ties back to lesson 7: padding blocks keys, and in cross-attention the keys are the source.',
    },
  ],
};

export default lesson;
