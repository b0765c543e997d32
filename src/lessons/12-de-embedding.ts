// Lesson 12: de-embedding — the final linear layer back to the vocabulary, softmax, argmax (greedy),
// and sampling with temperature and top-k, with the live probabilities of the grammar model.
import type { Lesson } from './types';

// The grammar model was trained on sentences that start with <bos>.
const PROMPT = '<bos> the dog that the cats chase';

const lesson: Lesson = {
  slug: 'de-embedding',
  title: 'De-embedding',
  summary: 'Logits, softmax, temperature and top-k.',
  steps: [
    {
      title: 'Back to the vocabulary',
      state: { model: 'grammar', input: PROMPT, stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'logits', mask: 'causal' },
      prose: [
        'After the last layer every token is still a vector of $d_{\\text{model}}$ = {{dModel}} numbers. To say which word comes next, the model needs one score per word of its [[vocabulary]], here {{vocabSize}} of them. A single linear layer does this: it is the mirror image of the embedding, so it is often called the **de-embedding** (or the “LM head”).',
        'Its outputs are the [[logits]]: one real number per vocabulary entry and position, any size, any sign. Some models reuse the embedding matrix here (tied weights); our models learn a separate matrix $W_{\\text{out}}$ and a bias $b$.',
      ],
      formulas: [
        { tex: '\\text{logits} = h\\, W_{\\text{out}}^{\\top} + b \\in \\mathbb{R}^{S \\times V}, \\qquad h \\in \\mathbb{R}^{S \\times d_{\\text{model}}},\\; W_{\\text{out}} \\in \\mathbb{R}^{V \\times d_{\\text{model}}}', label: 'V = vocabulary size. One row of logits per position.' },
      ],
      panels: [
        { panel: 'architecture' },
        { panel: 'guess', options: { mode: 'next-token', lesson: 'de-embedding', id: 'de-next-verb', choices: 'runs run chases chase the that .', prompt: 'The prompt stops right before the main verb. Which word do you expect to get the largest logit?' } },
      ],
      tryIt: 'Commit your guess in the predict panel; the next step shows every logit. Find “Linear → vocabulary (logits)” and “Softmax → probabilities” at the bottom of the diagram: that is this lesson.',
      notes: 'W_out is stored as [V, dModel], as in PyTorch’s nn.Linear, hence the transpose. This is the decoder-only grammar model, so the final LayerNorm (pre-norm) comes just before it.',
    },
    {
      title: 'Softmax, then argmax',
      prose: [
        'The logits are raw scores: the table shows them next to the probabilities. They can be negative, and only their **differences** matter: adding the same number to every logit of a row changes nothing. A [[softmax]] turns a row of logits into probabilities: positive numbers that add up to 1. A logit larger by 1 means a probability $e \\approx 2.7$ times larger. Rank does not change, so the largest logit is also the most probable token.',
        'Taking that token is [[argmax]], or [[greedy-decoding|greedy decoding]]. Because this is a decoder, **every** position gets such a row: position $i$ predicts token $i+1$. Pick any word of the prompt to see what the model expected right after it.',
      ],
      formulas: [{ tex: 'p_{i,w} = \\frac{e^{\\text{logits}_{i,w}}}{\\sum_{w\'} e^{\\text{logits}_{i,w\'}}} \\qquad \\hat{w}_i = \\arg\\max_w\\, p_{i,w}', label: 'Probabilities and the greedy choice at position i.' }],
      panels: [{ panel: 'input' }, { panel: 'predictions', options: { position: 'choose', logits: true } }],
      tryIt: 'Check the logit column: two tokens whose logits differ by 1 have probabilities in the ratio 2.7 to 1. Choose the last word, `chase`: the sentence needs its main verb now, and it must agree with `dog`. Then choose `that` or `the`.',
      notes: 'The prompt stops right before the main verb, so the interesting row is the last one: singular verbs (runs, sleeps, sings, waits, or a transitive one) should lead.',
    },
    {
      title: 'Temperature',
      state: { input: '<bos> the dog that' },
      prose: [
        'Greedy decoding always picks the same token, which makes generated text repetitive. The alternative is to **sample**: draw the next token at random with the model’s probabilities. The [[temperature]] $T$ reshapes those probabilities first, by dividing the logits by $T$ before the softmax.',
        'With $T < 1$ the differences between logits grow and the distribution sharpens towards the argmax (as $T \\to 0$ it becomes greedy). With $T > 1$ they shrink and the distribution flattens towards uniform. The slider below sends the new $T$ to the model, which recomputes its probabilities.',
        'The prompt is now `<bos> the dog that`, where the model has a clear favourite: `the` (a clause like “that the cats chase”) gets half of the probability, and verbs such as `chases` share the rest.',
      ],
      formulas: [{ tex: 'p_{w}(T) = \\frac{e^{\\text{logits}_w / T}}{\\sum_{w\'} e^{\\text{logits}_{w\'} / T}}', label: 'T = 1 is the model’s own distribution.' }],
      panels: [{ panel: 'predictions', options: { sampling: true } }],
      tryIt: 'Drag the temperature to 0.3: `the` climbs from 50% to nearly 98%. Then to 2.5: it falls to about 21% and the tail grows. Press “Draw 20 tokens” at each setting.',
      notes: 'Temperature never changes the order of the tokens, only how much probability the top ones get.',
    },
    {
      title: 'Top-k',
      prose: [
        'Even at a sensible temperature, the long tail of unlikely tokens together can hold real probability, and one bad draw spoils a sentence. [[top-k|Top-k sampling]] keeps only the $k$ most probable tokens, sets the rest to 0 and rescales the kept ones so they add up to 1 again.',
        '$k = 1$ is greedy decoding again. Large $k$ is plain sampling. Temperature and top-k combine: first divide by $T$, then keep the top $k$.',
      ],
      formulas: [{ tex: 'p^{(k)}_w = \\begin{cases} \\dfrac{p_w(T)}{\\sum_{w\' \\in \\text{top-}k} p_{w\'}(T)} & w \\in \\text{top-}k \\\\[4pt] 0 & \\text{otherwise} \\end{cases}' }],
      panels: [{ panel: 'predictions', options: { sampling: true } }],
      tryIt: 'Set top-k to 3: greyed tokens can no longer be drawn, and the three kept ones are rescaled (the number after the arrow). Draw 20 tokens and check that only those three appear.',
      notes: 'Sampling here uses the model’s seeded sampler (sampleToken), so a demo can be repeated exactly. Nucleus (top-p) sampling, which keeps the smallest set with total probability ≥ p, is a popular variant.',
    },
    {
      title: 'The head depends on the job',
      prose: [
        'The softmax over a vocabulary is the usual head for text, and it turns generation into a classification over tokens at every step. It is not the only possible head. A masked language model (lesson 10) uses the same kind of layer but reads only the `<mask>` positions. A sentiment classifier would put a small linear layer over one pooled vector and output a few classes. A regression head would output numbers.',
        'The layers below stay the same; only this last step is chosen to fit the objective.',
      ],
      panels: [{ panel: 'predictions', options: { position: 'choose' } }],
      tryIt: 'Choose each position in turn: the same head gives a full distribution over the vocabulary at every one of them.',
      notes: 'The notes’ point “subject to change with the objective” belongs here; keep it short.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on the de-embedding.'],
      questions: [
        {
          kind: 'choice',
          id: 'logits-shape',
          prompt: 'A decoder reads $S = 7$ tokens with a vocabulary of $V = 40$. What shape are the logits?',
          options: [
            { text: 'Shape $[7, 40]$', correct: true },
            { text: 'Shape $[40]$', feedback: 'A decoder predicts at every position, not only the last.', revisit: 2 },
            { text: 'Shape $[7, d_{\\text{model}}]$', feedback: 'That is the input of the de-embedding, not its output.', revisit: 1 },
            { text: 'Shape $[40, 7]$', feedback: 'Rows are positions and columns are vocabulary entries.', revisit: 1 },
          ],
          explanation: 'One row per position and one column per vocabulary entry: position $i$’s row scores every candidate for token $i+1$.',
        },
        {
          kind: 'choice',
          id: 'temperature-effect',
          prompt: 'You lower the temperature from 1 to 0.5. What happens to the most probable token?',
          options: [
            { text: 'It gets more probability; the order stays the same.', correct: true },
            { text: 'It gets less probability.', feedback: 'That is what raising the temperature does.', revisit: 3 },
            { text: 'Another token can become the most probable.', feedback: 'Dividing every logit by the same positive T keeps their order.', revisit: 3 },
            { text: 'Nothing: temperature only matters when sampling.', feedback: 'The probabilities themselves change; sampling is where you feel it.', revisit: 3 },
          ],
          explanation: 'Dividing the logits by $T < 1$ widens the gaps between them, so the softmax concentrates on the top tokens; the ranking never changes.',
        },
        {
          kind: 'choice',
          id: 'topk-one',
          prompt: 'Sampling with top-k and $k = 1$ is the same as…',
          options: [
            { text: 'greedy decoding (argmax).', correct: true },
            { text: 'sampling at temperature 1.', feedback: 'With one token kept there is nothing left to sample from.', revisit: 4 },
            { text: 'choosing uniformly at random.', feedback: 'Only the single most probable token survives.', revisit: 4 },
            { text: 'sampling at a very high temperature.', feedback: 'A high temperature flattens the distribution; $k = 1$ leaves a single token.', revisit: 4 },
          ],
          explanation: 'Only the most probable token is kept, rescaled to probability 1, so every draw returns the argmax.',
        },
      ],
      notes: 'A quick live follow-up: set T = 0.1 and draw 20; nearly all draws equal the argmax.',
    },
  ],
};

export default lesson;
