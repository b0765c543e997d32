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
        'During training the decoder is given the **whole target at once, shifted one place to the right** behind `<bos>`. Position 0 reads `<bos>` and must predict `1`, position 1 reads `1` and must predict `9`, and so on, until the last position reads the final `4` and must predict `<eos>` (end).',
        'This is [[teacher-forcing|teacher forcing]]: at every position the model is told the correct history, whatever it would have guessed itself. All positions are predicted in **one forward pass**, and the loss is the average cross-entropy of the correct next tokens. Training is therefore not autoregressive, even though the model will later be used autoregressively.',
      ],
      formulas: [
        { tex: '\\text{decoder input} = (\\texttt{<bos>}, y_1, \\ldots, y_{n}), \\qquad \\text{targets} = (y_1, \\ldots, y_n, \\texttt{<eos>})', label: 'The target shifted right by one start token.' },
        { tex: '\\mathcal{L} = -\\frac{1}{n+1} \\sum_{t=0}^{n} \\log p\\big(\\text{target}_t \\mid \\text{input}_{0..t},\\ \\text{source}\\big)', label: 'Mean cross-entropy over all positions, from one pass.' },
      ],
      panels: [{ panel: 'teacher-forcing' }],
      tryIt: 'With the correct target, every row matches and the loss is close to 0. Now change one digit, `1999-03-14` to `1989-03-14`. All rows are recomputed at once. The row just before the `8` still predicts `9`, because the source says 1999, so its match turns to ✗. The row that reads the wrong `8` carries on with the next digit as if nothing had happened.',
      notes: 'The panel’s last row has no next target token in the input (that would be `<eos>`, which the trainer adds to the targets), so it is not scored. The loss shown is the mean over the scored rows.',
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
      panels: [{ panel: 'generation' }, { panel: 'predictions' }],
      tryIt: 'Press “Generate one token” a few times and watch the decoder’s input grow by one chip each time. Then “Start over” and “Generate to the end”.',
      notes: 'After generation, the panels show a final plain forward pass over the whole generated target, so the heatmaps match what the model read at the last step.',
    },
    {
      title: 'What differs, and what it costs',
      prose: [
        'Training: one pass per example, every position in parallel, always the true history. Inference: one pass **per generated token**, strictly one after another, always the model’s own history. If the model makes one mistake, every later step reads that mistake, a situation it never met in training (this is called exposure bias).',
        'Real systems keep the keys and values of earlier positions in a **KV cache**, so each step only computes the new position. The sequential dependence stays: token $t+1$ cannot be computed before token $t$ is known.',
      ],
      state: { src: SRC, tgt: TGT },
      panels: [{ panel: 'input' }, { panel: 'cross-alignment' }],
      tryIt: 'Type the source in another format, `14.3.1999`, keep the target `1999-03-14`, and read where each character of the answer looks in the new source.',
      notes: 'Our engine recomputes the whole prefix at every step (no KV cache), which is fine for a dozen characters and keeps every intermediate visible.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on training and inference.'],
      questions: [
        {
          kind: 'choice',
          id: 'tf-input',
          prompt: 'The target is `abc`. What does the decoder read during teacher-forced training?',
          options: [
            { text: '`<bos> a b c`, predicting `a b c <eos>`', correct: true },
            { text: '`a b c`, predicting `a b c`', feedback: 'Then each position would be asked for the token it is reading.' },
            { text: '`<bos>` only, then its own predictions', feedback: 'That is inference, not teacher forcing.' },
          ],
          explanation: 'The target is shifted right behind the start token, so position $t$ reads the true token $t$ and predicts token $t+1$.',
        },
        {
          kind: 'choice',
          id: 'gen-passes',
          prompt: 'Without a KV cache, how many decoder forward passes does it take to generate 10 tokens?',
          options: [
            { text: '1', feedback: 'One pass is enough in training, where the whole target is known.' },
            { text: '10', correct: true },
            { text: '100', feedback: 'Each pass is over a longer prefix, but it is still one pass per token.' },
          ],
          explanation: 'Each new token needs the one before it, so generation runs the decoder once per token: 10 passes, each over a prefix one longer.',
        },
        {
          kind: 'choice',
          id: 'why-causal-training',
          prompt: 'During teacher forcing the decoder is given the whole target. Why does it not just copy the next character?',
          options: [
            { text: 'The causal mask stops position $i$ from reading any position after $i$.', correct: true },
            { text: 'The loss ignores positions that copy.', feedback: 'The loss has no way of knowing; the mask makes copying impossible.' },
            { text: 'Cross-attention hides the target.', feedback: 'Cross-attention reads the source; the target is protected by the self-attention mask.' },
          ],
          explanation: 'With $j > i$ blocked, each position sees only its past, exactly as it will during generation.',
        },
      ],
      notes: 'Ask the room what happens at inference if the mask is removed during training: the model learns to copy and then has nothing to copy.',
    },
  ],
};

export default lesson;
