// Lesson 13: training vs inference on the dates model — teacher forcing (the whole target shifted
// right behind <bos>, every position predicted in one pass) against generating one token at a time.
import type { Lesson } from './types';

const SRC = 'march 14, 1999';
const TGT = '1999-03-14';

const lesson: Lesson = {
  slug: 'training-vs-inference',
  title: 'Training vs inference',
  summary: 'Teacher forcing, generation, the KV cache and exposure bias.',
  steps: [
    {
      title: 'One model, two ways to run it',
      state: { model: 'dates', src: SRC, tgt: TGT, stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'probs', mask: 'causal' },
      prose: [
        'A decoder predicts the next token from the tokens before it. How it gets those earlier tokens depends on the situation. When we **train** it, the correct answer is known, so we can simply hand it over. When we **use** it, nobody knows the answer, and the model has to build on its own output.',
        'This lesson runs the dates model both ways. The source is `march 14, 1999`, and the target box holds the correct answer, `1999-03-14`.',
      ],
      panels: [{ panel: 'input' }],
      tryIt: 'Look at the token chips of the target: the model reads a `<bos>` first, placed there automatically.',
      notes: 'The `<bos>` (beginning of sequence) token is the “start token” of the notes. The store prepends it to the target of an encoder-decoder model.',
    },
    {
      title: 'Training: teacher forcing',
      prose: [
        'During training the decoder is given the **whole target at once, shifted one place to the right** behind `<bos>`. Position 0 reads `<bos>` and must predict `1`, position 1 reads `1` and must predict `9`, and so on, until the last position reads the final `4` and must predict `<eos>` ([[eos|the end token]]).',
        'This is [[teacher-forcing|teacher forcing]]: at every position the model is told the correct history, whatever it would have guessed itself. All positions are predicted in **one forward pass**, and the loss is the average [[cross-entropy]] of the correct next tokens. Training is therefore not autoregressive, even though the model will later be used autoregressively.',
      ],
      formulas: [
        { tex: '\\text{decoder input} = (\\texttt{<bos>}, y_1, \\ldots, y_{n}), \\qquad \\text{targets} = (y_1, \\ldots, y_n, \\texttt{<eos>})', label: 'The target shifted right by one start token.' },
        { tex: '\\mathcal{L} = -\\frac{1}{n+1} \\sum_{t=0}^{n} \\log p\\big(\\text{target}_t \\mid \\text{input}_{0..t},\\ \\text{source}\\big)', label: 'Mean cross-entropy over all positions, from one pass.' },
      ],
      panels: [{ panel: 'input' }, { panel: 'teacher-forcing' }],
      tryIt: 'With the correct target, all $n + 1 = 11$ rows match (the last one predicts `<eos>`) and the loss is close to 0. Now change one digit of the target, `1999-03-14` to `1989-03-14`. All rows are recomputed at once. The row just before the `8` still predicts `9`, because the source says 1999, so its match turns to ✗. The row that reads the wrong `8` carries on with the next digit as if nothing had happened.',
      notes: 'The panel’s last row is scored against `<eos>`, which the trainer appends to the targets: 10 characters + `<eos>` = 11 predictions from 11 input positions. The loss shown is the mean over all of them, as in training.',
    },
    {
      title: 'Why one pass is allowed',
      prose: [
        'If every position can see the whole target, what stops position 3 from simply copying the answer at position 4? The [[causal-mask|causal mask]]. In the decoder’s self-attention, row $i$ can only read columns $0 \\ldots i$. So during training each position sees exactly what it will see during generation: the tokens before it, and nothing after.',
        'That is why a decoder is causal even though training feeds it everything. It is also why training is fast: one pass computes all $n+1$ predictions in parallel, which an RNN cannot do.',
      ],
      formulas: [{ tex: 'M^{\\text{causal}}_{ij} = -\\infty \\iff j > i', label: 'Position i never reads a later target token.' }],
      panels: [{ panel: 'attention-heatmap', options: { show: 'weights' } }],
      tryIt: 'Check that every cell above the diagonal is hatched: no position reads the answer it is asked to predict.',
      notes: 'Without the mask, the training loss would drop to almost zero by copying, and the model would fail completely at inference.',
    },
    {
      title: 'Inference: one token at a time',
      state: { tgt: '' },
      prose: [
        'At inference there is no target to hand over. The decoder starts from `<bos>` alone, predicts the first character, **appends** it to its input and runs again, over and over, until it writes `<eos>` or reaches its length limit. Each step takes the model’s own output as the next input. This is [[autoregressive]] generation.',
        'Each press of “Generate one token” is one full forward pass of the decoder. Here the choice is greedy (argmax, lesson 12).',
      ],
      formulas: [{ tex: '\\hat{y}_{t+1} = \\arg\\max_w\\; p\\big(w \\mid \\texttt{<bos>}, \\hat{y}_1, \\ldots, \\hat{y}_t,\\ \\text{source}\\big)', label: 'The next input is the model’s own previous output.' }],
      panels: [
        { panel: 'guess', options: { mode: 'next-token', lesson: 'training-vs-inference', id: 'tvi-first-char', prompt: 'The decoder has read only `<bos>`. Which character do you expect it to write first?' } },
        { panel: 'generation' },
        { panel: 'predictions' },
      ],
      tryIt: 'Commit your guess, then press “Generate one token” a few times and watch the decoder’s input grow by one chip each time, and the KV cache below it grow by one row. Then “Start over” and “Generate to the end”.',
      notes: 'After generation, the panels show a final plain forward pass over the whole generated target, so the heatmaps match what the model read at the last step. Our engine recomputes the whole prefix at every step (no KV cache), which keeps every intermediate visible; the table under the generation panel counts what a cache would save.',
    },
    {
      title: 'The KV cache',
      prose: [
        'Look at what each generation step recomputes. The keys and values of the earlier positions depend only on the tokens up to them, and those never change once written. So real systems keep them in a [[kv-cache|KV cache]]: at each step only the **newest** position’s query, key and value are computed, and attention reads the cached rows for the rest.',
        'The panel shows the cache as the decoder writes: one more cached row per token, in every layer, for both K and V. The table counts the multiply-adds the decoder needs for each token with and without a cache (counted from the model’s sizes, not timed). Without a cache, token $t$ costs work for all $t$ positions again, so the total grows like $t^2$; with one, each token costs about the same.',
      ],
      panels: [{ panel: 'generation' }],
      tryIt: 'Generate to the end and compare the two columns: the last token costs about 11 times more without a cache. The cached rows (marked “cached”) are the K and V a cache keeps; only the “new” one is computed.',
      notes: 'The cache saves compute but costs memory: layers × 2 × S × dModel numbers per sequence, which is why long contexts are memory-bound in serving. It does not remove the sequential dependence: token t+1 still waits for token t.',
    },
    {
      title: 'Exposure bias: one wrong token',
      state: { tgt: '19' },
      prose: [
        'In training the decoder always read the **true** history (teacher forcing). In generation it reads **its own** history. If it ever writes a wrong token, every later step reads a history it never met in training. This mismatch is called [[exposure-bias|exposure bias]].',
        'Try it on the live model. The decoder has written `19`. Inject a wrong character in place of the `9`, say `8`, then let it generate to the end and watch what happens to the digits after the mistake.',
      ],
      panels: [{ panel: 'generation' }, { panel: 'cross-alignment' }],
      tryIt: 'Inject `8` in place of the last character, then press “Generate to the end”. The model carries on from `18`: read the rest of the year and where each next character looks in the source. Start over and compare with a clean run.',
      notes: 'A small, well-trained model like this often recovers the month and day (they are read straight from the source) but keeps the wrong year prefix, since it never writes a character twice. Scheduled sampling and sequence-level training are the classic remedies; large models mostly rely on scale.',
    },
    {
      title: 'What differs, and what it costs',
      prose: [
        'Training: one pass per example, every position in parallel, always the true history. Inference: one pass **per generated token**, strictly one after another, always the model’s own history, mistakes included (exposure bias, the step before).',
        'A KV cache makes each of those passes cheap, but the sequential dependence stays: token $t+1$ cannot be computed before token $t$ is known.',
      ],
      state: { src: SRC, tgt: TGT },
      panels: [{ panel: 'input' }, { panel: 'cross-alignment' }],
      tryIt: 'Type the source in another format, `14.3.1999`, keep the target `1999-03-14`, and read where each character of the answer looks in the new source.',
      notes: 'Same model, another surface form: the cross-attention finds the parts wherever they are.',
    },
    {
      title: 'Check your understanding',
      prose: ['Four questions on training and inference.'],
      questions: [
        {
          kind: 'choice',
          id: 'tf-input',
          prompt: 'The target is `abc`. What does the decoder read during teacher-forced training?',
          options: [
            { text: '`<bos> a b c`, predicting `a b c <eos>`', correct: true },
            { text: '`a b c`, predicting `a b c`', feedback: 'Then each position would be asked for the token it is reading.', revisit: 2 },
            { text: '`<bos>` only, then its own predictions', feedback: 'That is inference, not teacher forcing.', revisit: 4 },
            { text: '`<bos> a b`, predicting `a b c`', feedback: 'The end token counts too: $n + 1$ predictions, the last one `<eos>`.', revisit: 2 },
          ],
          explanation: 'The target is shifted right behind the start token, so position $t$ reads the true token $t$ and predicts token $t+1$.',
        },
        {
          kind: 'choice',
          id: 'kv-rows',
          prompt: 'A decoder with a KV cache is generating its 10th token. How many new key rows does each layer’s self-attention compute at this step?',
          options: [
            { text: '1: only the newest position’s; the other 9 come from the cache', correct: true },
            { text: '10: every position again', feedback: 'That is generation without a cache: the earlier keys never change, so recomputing them is wasted work.', revisit: 5 },
            { text: '55: one per pair of positions seen so far', feedback: 'Keys are one per position, not per pair; the pairs are the scores.', revisit: 5 },
            { text: '0: a cache stores every key in advance', feedback: 'A key depends on its token, which does not exist until it is generated.', revisit: 5 },
          ],
          explanation: 'Keys and values of earlier positions depend only on earlier tokens, which are fixed; the cache keeps them, and each step adds one row.',
        },
        {
          kind: 'choice',
          id: 'why-causal-training',
          prompt: 'During teacher forcing the decoder is given the whole target. Why does it not just copy the next character?',
          options: [
            { text: 'The causal mask stops position $i$ from reading any position after $i$.', correct: true },
            { text: 'The loss ignores positions that copy.', feedback: 'The loss has no way of knowing; the mask makes copying impossible.', revisit: 3 },
            { text: 'Cross-attention hides the target.', feedback: 'Cross-attention reads the source; the target is protected by the self-attention mask.', revisit: 3 },
            { text: 'The target is fed one character at a time.', feedback: 'In training the whole target goes in at once; that is what makes training fast.', revisit: 2 },
          ],
          explanation: 'With $j > i$ blocked, each position sees only its past, exactly as it will during generation.',
        },
        {
          kind: 'choice',
          id: 'exposure',
          prompt: 'Why can one wrong token early in generation spoil what follows, when the same model never saw such errors in training?',
          options: [
            { text: 'Every later step reads the wrong token as part of its history, a situation teacher forcing never showed it.', correct: true },
            { text: 'The causal mask hides the wrong token from later steps.', feedback: 'The mask hides only later positions; the wrong token is earlier, so every later step reads it.', revisit: 6 },
            { text: 'The KV cache stores the error twice.', feedback: 'A cache stores each row once, exactly as it would be recomputed.', revisit: 5 },
            { text: 'The loss rises during generation.', feedback: 'Nothing is trained during generation; there is no loss.', revisit: 6 },
          ],
          explanation: 'Training always feeds the true history; generation feeds the model’s own. That gap is exposure bias.',
        },
      ],
      notes: 'Ask the room what happens at inference if the mask is removed during training: the model learns to copy and then has nothing to copy.',
    },
  ],
};

export default lesson;
