// Lesson 8: the feed-forward block — widen to dFF, apply the activation, project back, at every
// position separately; why widening helps (Cover's theorem as intuition); activations per token.
import type { Lesson } from './types';

const lesson: Lesson = {
  slug: 'feed-forward',
  title: 'Feed-forward',
  summary: 'Widen, activate, project back; the gated variant.',
  steps: [
    {
      title: 'After attention, each token on its own',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase runs .', stack: 'decoder', layer: 0, head: 0, stage: 'ffn' },
      prose: [
        'Attention moves information **between** tokens. The second half of every transformer layer, the [[feed-forward|feed-forward block]], then works on each token **separately**: the same small two-layer network is applied to every row, with no interaction between positions.',
        'It has two linear layers with an [[activation]] between them. The first widens the vector from $d_{\\text{model}}$ to $d_{\\text{FF}}$ numbers, the second brings it back to $d_{\\text{model}}$.',
      ],
      formulas: [
        { tex: '\\operatorname{FF}(x) = \\operatorname{act}(x W_1 + b_1)\\, W_2 + b_2 \\qquad W_1 \\in \\mathbb{R}^{d_{\\text{model}} \\times d_{\\text{FF}}},\\; W_2 \\in \\mathbb{R}^{d_{\\text{FF}} \\times d_{\\text{model}}}', label: 'Applied to each of the S rows independently, with the same weights.' },
      ],
      panels: [{ panel: 'architecture' }],
      tryIt: 'Find the feed-forward block in the diagram: it follows the attention block (and its add & norm) in every layer.',
      notes: 'Per-position means it could be run on each token in parallel; it is where most of the parameters of a layer live.',
    },
    {
      title: 'Widening to dFF',
      prose: [
        'The hidden width [[d-ff|dFF]], $d_{\\text{FF}}$, is usually four times $d_{\\text{model}}$ (2048 = 4 × 512 in the original transformer). This model uses $d_{\\text{FF}}$ = {{dFF}}, {{ffRatio}} × its $d_{\\text{model}}$ of {{dModel}}.',
        'So the block holds $2\\, d_{\\text{model}}\\, d_{\\text{FF}}$ weights, twice the $4\\, d_{\\text{model}}^2$ of the attention projections when $d_{\\text{FF}} = 4\\, d_{\\text{model}}$.',
      ],
      formulas: [{ tex: 'x \\in \\mathbb{R}^{d_{\\text{model}}} \\xrightarrow{\\;W_1\\;} \\mathbb{R}^{d_{\\text{FF}}} \\xrightarrow{\\;\\operatorname{act}\\;} \\mathbb{R}^{d_{\\text{FF}}} \\xrightarrow{\\;W_2\\;} \\mathbb{R}^{d_{\\text{model}}}' }],
      panels: [{ panel: 'ffn-activations' }],
      tryIt: 'Each block is one token, with its most active hidden units (of $d_{\\text{FF}}$) after the activation, largest first. **Show as strip** draws all of them: one row per token, one column per unit.',
      notes: 'Parameter count: W_Q, W_K, W_V, W_O are four dModel × dModel matrices; W_1 and W_2 are dModel × dFF each.',
    },
    {
      title: 'The activation',
      prose: [
        'Between the two layers sits a non-linear function applied to each number. Without it the two linear layers would collapse into a single one ($W_1 W_2$ is just another matrix) and the widening would buy nothing.',
        'The original transformer uses ReLU, which zeroes every negative number; many later models use GELU, a smooth version. This model uses {{activation}}.',
      ],
      formulas: [
        { tex: '\\operatorname{ReLU}(z) = \\max(0, z) \\qquad \\operatorname{GELU}(z) = z\\,\\Phi(z)', label: 'Φ is the standard normal distribution function (the exact form, not the tanh approximation).' },
      ],
      panels: [{ panel: 'ffn-activations', options: { summary: true } }],
      tryIt: 'With ReLU, count the exact zeros; with GELU (this model uses {{activation}}), count the values at or just below 0. Either way, for each token only part of the hidden units are active.',
      notes: 'The pattern of active units differs per token: the block acts like a bank of learned detectors.',
    },
    {
      title: 'Why widen? An intuition from Cover’s theorem',
      prose: [
        'Cover’s theorem (1965) counts how many ways of labelling $N$ points as yes/no a flat cut (a hyperplane) can realise. For points in general position, the share of realisable labellings grows with the dimension; once the dimension is large enough for the number of points, every labelling is realisable.',
        'The intuition for the feed-forward block: map each token non-linearly into a wider space, and patterns that no flat cut could separate before may become separable there, for the next linear layer to pick out. Treat this as intuition, not proof: the hidden units are learned, not random, and the theorem says nothing about what a trained network actually does.',
      ],
      formulas: [
        { tex: 'C(N, d) = 2 \\sum_{k=0}^{d-1} \\binom{N-1}{k}', label: 'Labellings of N points in general position in ℝᵈ that a hyperplane through the origin separates, out of 2ᴺ.' },
      ],
      panels: [{ panel: 'cover', illustration: true, caption: 'Four XOR points: no line separates them in the plane; adding the feature x₁·x₂ as a third axis makes a flat cut possible.' }],
      tryIt: 'Tilt the view of the lifted points: the two classes now sit on either side of a plane.',
      notes: 'Be precise: Cover’s theorem is about counting separable dichotomies. It motivates, it does not justify the factor 4.',
    },
    {
      title: 'The gated feed-forward of modern models',
      prose: [
        'Most large models of the last few years (PaLM, LLaMA and their relatives) replace the plain block by a **gated** one, [[swiglu|SwiGLU]]. The input is projected **twice**: one projection goes through Swish, $z\\,\\sigma(z)$, a smooth cousin of ReLU; the other, the **gate**, stays linear. The two are multiplied number by number, and a third matrix projects back.',
        'Each hidden unit can now be scaled up, switched off or flipped by its gate, depending on the input. With three matrices instead of two, $d_{\\text{FF}}$ is usually cut to about $\\tfrac{8}{3} d_{\\text{model}}$ so the parameter count stays that of the plain block. None of the models shipped here uses a gate, so this step is a drawing.',
      ],
      formulas: [
        { tex: '\\operatorname{FF}_{\\text{SwiGLU}}(x) = \\big(\\operatorname{Swish}(x W) \\odot x V\\big)\\, W_2, \\qquad \\operatorname{Swish}(z) = z\\,\\sigma(z)', label: 'Two projections of x, multiplied element by element (⊙), then projected back by W₂.' },
      ],
      panels: [{ panel: 'swiglu', illustration: true, caption: 'A drawing of one hidden unit, with made-up inputs; no shipped model uses a gate.' }],
      tryIt: 'Move the gate slider: at 0 the unit is off whatever its input; at −1 it is flipped.',
      notes: 'Shazeer (2020), “GLU Variants Improve Transformer”. The gain is empirical; there is no theorem behind it. SiLU and Swish (β = 1) are the same function.',
    },
    {
      title: 'Project back and add',
      state: { stage: 'layerOutput' },
      prose: [
        'The second layer maps the $d_{\\text{FF}}$ hidden numbers back to $d_{\\text{model}}$, so the result can be added to the token’s running vector (the residual stream, next lesson). Every layer repeats the pair: attention to mix tokens, feed-forward to transform each one.',
      ],
      formulas: [{ tex: 'x \\leftarrow \\operatorname{Norm}\\big(x + \\operatorname{FF}(x)\\big) \\;\\; \\text{(post-norm)} \\qquad x \\leftarrow x + \\operatorname{FF}(\\operatorname{Norm}(x)) \\;\\; \\text{(pre-norm)}' }],
      panels: [{ panel: 'residual-add', options: { sublayer: 'ffn' } }, { panel: 'matrix', options: { field: 'layerOutput' } }],
      notes: 'Residuals and LayerNorm are the next lesson; here just name them.',
    },
    {
      title: 'Activations per token',
      prose: [
        'Change a word and watch the hidden activations. Only the rows of positions that can see the changed word move: the feed-forward block itself never mixes positions, and in this decoder a token only sees itself and earlier tokens.',
      ],
      panels: [
        { panel: 'guess', options: { mode: 'next-token', lesson: 'feed-forward', id: 'ffn-next', prompt: 'Every layer ends with this block, and the last one feeds the prediction. Which word do you expect the model to rate highest next?' } },
        { panel: 'input' },
        { panel: 'ffn-activations' },
      ],
      tryIt: 'Commit your guess. Then change the last word only: the rows before it stay exactly the same. Then change the first word after `<bos>`: every row from there on changes, through attention.',
      notes: 'A nice check of the causal mask and of per-position processing at once.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on the feed-forward block.'],
      questions: [
        {
          kind: 'choice',
          id: 'dff',
          prompt: 'A model has $d_{\\text{model}} = 256$ and follows the usual rule. What is $d_{\\text{FF}}$?',
          options: [
            { text: '256', feedback: 'That would not widen anything.', revisit: 2 },
            { text: '1024', correct: true },
            { text: '64', feedback: 'The feed-forward block widens, it does not shrink.', revisit: 2 },
            { text: '65,536', feedback: 'That is $d_{\\text{model}}^2$; the usual rule is a factor of 4.', revisit: 2 },
          ],
          explanation: 'The usual choice is $d_{\\text{FF}} = 4\\, d_{\\text{model}} = 1024$; it is a convention, not a law.',
        },
        {
          kind: 'choice',
          id: 'mixing',
          prompt: 'Does the feed-forward block move information between tokens?',
          options: [
            { text: 'No: it applies the same network to each position separately.', correct: true },
            { text: 'Yes: it attends over all positions.', feedback: 'That is attention’s job.', revisit: 1 },
            { text: 'Only between neighbouring tokens.', feedback: 'There is no convolution here; each row is processed alone.', revisit: 7 },
            { text: 'Only through its gate, in SwiGLU.', feedback: 'The gate is computed from the same token’s vector; a gated block is still per position.', revisit: 5 },
          ],
          explanation: 'Attention mixes positions; the feed-forward block transforms each position’s vector on its own, with shared weights.',
        },
        {
          kind: 'choice',
          id: 'activation-why',
          prompt: 'Why is there an activation between the two linear layers?',
          options: [
            { text: 'Without it the two layers would equal one linear layer.', correct: true },
            { text: 'To make each row sum to 1.', feedback: 'That is the softmax in attention.', revisit: 3 },
            { text: 'To normalise the vector’s length.', feedback: 'That is what LayerNorm does.', revisit: 3 },
            { text: 'To make the block faster.', feedback: 'It costs a little time; it is there because two linear maps in a row are just one linear map.', revisit: 3 },
          ],
          explanation: '$(xW_1)W_2 = x(W_1W_2)$: two linear maps compose into one. The non-linearity is what lets the wide hidden layer express more.',
        },
      ],
      notes: 'Cover’s theorem is deliberately not in the quiz: it is intuition only.',
    },
  ],
};

export default lesson;
