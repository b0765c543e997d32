// Lesson 9: residuals and LayerNorm — the residual stream each sublayer adds to, LayerNorm's
// per-token statistics, and post-norm against pre-norm on the same sentence (two shipped models).
import type { Lesson } from './types';

const SENTENCE = 'the dog that the cats chase runs .';

const lesson: Lesson = {
  slug: 'residuals-and-layer-norm',
  title: 'Residuals and LayerNorm',
  summary: 'The residual stream, pre-norm and post-norm.',
  steps: [
    {
      title: 'A stream that every sublayer adds to',
      state: { model: 'grammar', input: SENTENCE, stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'layerOutput', mask: 'causal' },
      prose: [
        'Attention and the feed-forward network are the two kinds of **sublayer** inside a transformer layer. Neither one replaces the vectors it reads. Each computes a correction, and the correction is **added** to what came in. This is a [[residual|residual connection]].',
        'Follow one token from its embedding to the output and you see a single vector of $d_{\\text{model}}$ = {{dModel}} numbers that every sublayer reads from and writes back into. People call it the **residual stream**. A sublayer that has nothing useful to add can output almost zero, and the token passes through unchanged.',
      ],
      formulas: [
        { tex: 'x \\;\\leftarrow\\; x + F(x), \\qquad F \\in \\{\\text{SelfAttention},\\ \\text{FFN}\\}, \\quad x \\in \\mathbb{R}^{S \\times d_{\\text{model}}}', label: 'Every sublayer F adds its output to the stream x; the shape never changes.' },
      ],
      panels: [{ panel: 'architecture' }, { panel: 'residual-add', options: { sublayer: 'attention' } }],
      tryIt: 'In the diagram, find the “⊕ residual” junction after each sublayer: that is where the stream and the correction meet. Below it, pick a token: its stream $x$, what self-attention adds, and their sum, number by number and as lengths.',
      notes: 'Residual connections come from ResNets (He et al. 2016). Two things to stress: every sublayer has the same input and output shape [S, dModel], which is what makes the addition possible; and because the identity path is always there, gradients reach early layers even through a deep stack.',
    },
    {
      title: 'Watching the stream grow',
      prose: [
        'The table follows every token of the sentence through the grammar model. Each column is the stream at one point: as it enters the first layer, after each layer, and after a final LayerNorm. For every token it gives two numbers about its $d_{\\text{model}}$ values: their mean $\\mu$ and their spread $\\sigma$ (the standard deviation).',
        'In this model nothing rescales the stream between layers: each layer just adds to it, and $\\sigma$ grows from column to column, for some tokens to several times its starting size. The last column is different. There a [[layer-norm|LayerNorm]] brings every token back to a common scale before the output layer reads it.',
      ],
      panels: [
        { panel: 'guess', options: { mode: 'next-token', lesson: 'residuals-and-layer-norm', id: 'res-next', prompt: 'The last column of the table is what the output layer reads. Which word do you expect the model to rate highest after the final full stop?' } },
        { panel: 'residual-stream' },
      ],
      tryIt: 'Commit your guess. Then compare the first and the second-to-last column of a few rows (σ grows layer by layer), then look at the last column: the spreads there are all close to 1 again.',
      notes: 'The grammar model is pre-norm (we come back to what that means). Its final LayerNorm is part of the file: decoder.norm. The exact numbers depend on the sentence; the pattern (unchecked growth inside, a reset at the end) is what to point at.',
    },
    {
      title: 'What LayerNorm computes',
      state: { layer: 1 },
      prose: [
        'LayerNorm looks at **one token at a time**. It takes that token’s $d_{\\text{model}}$ numbers, computes their mean and their variance, and shifts and scales them to mean 0 and variance 1. A tiny $\\varepsilon$ keeps the division safe. Then two learned vectors, $\\gamma$ (a scale) and $\\beta$ (a shift), each $d_{\\text{model}}$ long, let the model choose the size it actually wants.',
        'The statistics never mix tokens: a long sentence and a short one are normalised in exactly the same way, and so are the first and the last token. That is the difference from batch normalisation, which averages over many examples.',
      ],
      formulas: [
        { tex: '\\mu = \\frac{1}{d_{\\text{model}}} \\sum_{c=1}^{d_{\\text{model}}} x_c \\qquad \\sigma^2 = \\frac{1}{d_{\\text{model}}} \\sum_{c=1}^{d_{\\text{model}}} (x_c - \\mu)^2', label: 'Mean and (biased) variance over the dModel numbers of one token.' },
        { tex: '\\operatorname{LayerNorm}(x) = \\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta', label: 'γ and β are learned, one number per dimension; ε = 1e-5 in our models.' },
      ],
      panels: [{ panel: 'layer-norm' }],
      tryIt: 'Pick different tokens. This is the stream entering layer 1, after layer 0 has added to it: before, each token has its own μ and a σ of 1.5 to 6; after the normalisation (shown with γ = 1 and β = 0) every one has μ = 0 and σ = 1, up to ε.',
      notes: 'The panel recomputes the normalisation with the model’s own layerNorm function on the vector the first LayerNorm of layer 1 really receives (layer 1, not 0: the embeddings entering layer 0 already have σ ≈ 1, so there the reset would be invisible). We leave out γ and β so the reset to (0, 1) is visible; the model then applies its learned γ and β.',
    },
    {
      title: 'Post-norm: normalise after adding',
      state: { model: 'masked-grammar', input: SENTENCE, stack: 'encoder', layer: 0, head: 0, mask: 'full' },
      prose: [
        'There are two places to put the LayerNorm. The original transformer puts it **after** the residual addition: add the sublayer’s output to the stream, then normalise the sum. This is [[post-norm|post-norm]], and BERT uses it too.',
        'This is the masked-grammar model, which is post-norm, reading the same sentence. Now every layer ends with a LayerNorm, so the stream is normalised again and again, and its $\\sigma$ cannot drift far from one layer to the next.',
      ],
      formulas: [{ tex: 'x \\;\\leftarrow\\; \\operatorname{LayerNorm}\\big(x + F(x)\\big)', label: 'Post-norm (Attention Is All You Need, BERT).' }],
      panels: [{ panel: 'residual-stream' }],
      tryIt: 'Compare the “after layer” columns here with the grammar model’s: here the spreads stay close together from layer to layer.',
      notes: 'After each layer the value is γ ⊙ normalised + β of the layer’s last LayerNorm, so σ sits near the typical size of γ rather than at exactly 1. Post-norm needs no final LayerNorm because every layer already ends with one.',
    },
    {
      title: 'Pre-norm: normalise what the sublayer reads',
      state: { model: 'grammar', stack: 'decoder', mask: 'causal' },
      prose: [
        '[[pre-norm|Pre-norm]] moves the LayerNorm **inside** the branch. The sublayer reads a normalised copy of the stream, and its output is added to the stream itself, which is never normalised on the way. From the embeddings to the last layer there is now a clean path of pure additions, so pre-norm stacks train stably even when they are deep. GPT-2 and most recent models use it.',
        'The price is that the stream is never rescaled, so one LayerNorm is needed at the very end. Switch between the two models and compare the same sentence: pre-norm (grammar) drifts and then gets a final reset; post-norm (masked-grammar) is reset after every layer.',
      ],
      formulas: [
        { tex: 'x \\;\\leftarrow\\; x + F\\big(\\operatorname{LayerNorm}(x)\\big), \\qquad \\text{output} = \\operatorname{LayerNorm}_{\\text{final}}(x)', label: 'Pre-norm (GPT-2 and later): a final LayerNorm after the last layer.' },
      ],
      panels: [{ panel: 'input' }, { panel: 'residual-stream', options: { compare: true } }],
      tryIt: 'Press the two model buttons in turn (the sentence stays the same) and watch how the columns behave. Then change the sentence.',
      notes: 'Xiong et al. (2020) show that post-norm needs a learning-rate warm-up to train stably, pre-norm much less. Both models here are small, so both trained fine; the difference you see is where the statistics are reset, not a difference in quality. The two models have different weights, so compare the pattern, not the exact numbers.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on residuals and LayerNorm.'],
      questions: [
        {
          kind: 'choice',
          id: 'ln-axis',
          prompt: 'LayerNorm computes its mean and variance over…',
          options: [
            { text: 'the $d_{\\text{model}}$ numbers of one token.', correct: true },
            { text: 'all tokens of the sentence, one dimension at a time.', feedback: 'That would mix tokens; LayerNorm never does.', revisit: 3 },
            { text: 'every example in the training batch.', feedback: 'That is batch normalisation.', revisit: 3 },
            { text: 'the weights of the layer it follows.', feedback: 'LayerNorm normalises activations, the vectors flowing through, not weights.', revisit: 3 },
          ],
          explanation: 'Each token is normalised on its own, over its $d_{\\text{model}}$ features, so sequence length and batch size do not matter.',
        },
        {
          kind: 'choice',
          id: 'pre-norm-form',
          prompt: 'Which line is a **pre-norm** sublayer?',
          options: [
            { text: 'Update $x \\leftarrow \\operatorname{LayerNorm}(x + F(x))$', feedback: 'That normalises after the addition: post-norm.', revisit: 4 },
            { text: 'Update $x \\leftarrow x + F(\\operatorname{LayerNorm}(x))$', correct: true },
            { text: 'Update $x \\leftarrow F(\\operatorname{LayerNorm}(x))$', feedback: 'Without the $x +$ there is no residual path at all.', revisit: 1 },
            { text: 'Update $x \\leftarrow \\operatorname{LayerNorm}(x) + F(x)$', feedback: 'Here the stream itself is normalised on the way and the sublayer reads the raw stream: neither pre- nor post-norm.', revisit: 5 },
          ],
          explanation: 'Pre-norm normalises only what the sublayer reads; the stream itself is only ever added to, and one final LayerNorm follows the last layer.',
        },
        {
          kind: 'choice',
          id: 'why-residual',
          prompt: 'A sublayer learns to output (almost) all zeros. What happens to the tokens passing through it?',
          options: [
            { text: 'They pass through unchanged, thanks to the residual connection.', correct: true },
            { text: 'They become zero, and the rest of the model sees nothing.', feedback: 'The sublayer’s output is added to the stream, not substituted for it.', revisit: 1 },
            { text: 'The model can no longer be trained.', feedback: 'The identity path still carries both the signal and the gradients.', revisit: 1 },
            { text: 'LayerNorm divides by zero.', feedback: 'LayerNorm reads the stream, which still holds the token’s vector; ε also keeps the division safe.', revisit: 3 },
          ],
          explanation: 'With $x + F(x)$ a sublayer only has to learn a **change**; doing nothing is easy, which is why deep stacks of such layers train well.',
        },
      ],
      notes: 'If time allows, ask where the final LayerNorm sits in a post-norm model (nowhere: every layer already ends with one).',
    },
  ],
};

export default lesson;
