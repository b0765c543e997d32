// Lesson 3: positional encoding — why order is lost without it; learned tables, the sinusoidal
// formula (sin on even, cos on odd dimensions, interleaved) and RoPE (rotating q and k per head).
import type { Lesson } from './types';

const lesson: Lesson = {
  slug: 'positional-encoding',
  title: 'Positional encoding',
  summary: 'Learned, sinusoidal and rotary ways to tell positions apart.',
  steps: [
    {
      title: 'Attention cannot see order',
      state: { model: 'reverse', src: 'stop', tgt: '', stack: 'encoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'positional' },
      prose: [
        'Attention compares tokens by their vectors only. If the vectors carry no position, shuffling the input just shuffles the output the same way: `stop` and `pots` would look like the same bag of letters, and a model could not reverse either.',
        'Mathematically: for any reordering (a permutation matrix $\\Pi$ applied to the rows), attention without positions and without a mask gives the same rows, reordered. So position has to be written into the numbers somewhere. There are three common ways of [[positional-encoding|positional encoding]].',
      ],
      formulas: [{ tex: '\\operatorname{Attention}(\\Pi X) = \\Pi\\, \\operatorname{Attention}(X)', label: 'Without positional information, reordering the input only reorders the output.' }],
      notes:
        'This is the motivation for the whole lesson. If students know permutation matrices, write it out; otherwise the anagram example (stop / pots) carries it.',
    },
    {
      title: 'Sinusoidal encoding: the formula',
      prose: [
        'The original transformer adds a fixed [[sinusoidal|sinusoidal]] table $P$ to the embeddings, with no parameters to learn. Dimensions come in pairs: the even dimension $2i$ holds a **sine** and the odd dimension $2i+1$ the **cosine** of the same angle. The two are interleaved, sin, cos, sin, cos, …, not a block of sines followed by a block of cosines (a frequent mix-up).',
        'The angle grows with the position at a rate set by the pair: $\\omega_i = 1 / 10000^{2i/d_{\\text{model}}}$. The first pairs turn fast, the last ones very slowly, like the hands of a clock. Positions start at 0.',
      ],
      formulas: [
        { tex: 'P_{\\text{pos},\\,2i} = \\sin\\!\\left(\\frac{\\text{pos}}{10000^{2i/d_{\\text{model}}}}\\right) \\qquad P_{\\text{pos},\\,2i+1} = \\cos\\!\\left(\\frac{\\text{pos}}{10000^{2i/d_{\\text{model}}}}\\right)', label: 'Even dimensions: sine. Odd dimensions: cosine of the same angle.' },
        { tex: 'x_{\\text{pos}} = \\sqrt{d_{\\text{model}}}\\,E_{t_{\\text{pos}}} + P_{\\text{pos}}', label: 'Added to the (scaled) embedding.' },
      ],
      panels: [{ panel: 'positional-encoding', options: { view: 'table' } }],
      tryIt: 'Read down a column: a wave over positions. Left columns oscillate fast, right columns barely move. Compare the even (sine) and odd (cosine) columns of one pair.',
      notes:
        'The reverse model uses sinusoidal positions with dModel = 64; the table is the one it adds (traced as positional). State the interleaving explicitly — many tutorials and libraries concatenate halves instead.',
    },
    {
      title: 'Why sines and cosines',
      prose: [
        'Each (sin, cos) pair is a point on a circle that turns by $\\omega_i$ per position. Moving $k$ positions further turns every pair by a fixed angle $k\\,\\omega_i$, whatever the starting position. A shift is therefore a fixed linear map (a rotation), which the model’s linear layers can learn to use for relative positions.',
        'Neighbouring positions get similar vectors and distant ones dissimilar, and any length can be encoded, even longer than seen in training.',
      ],
      formulas: [
        {
          tex: '\\begin{pmatrix} P_{\\text{pos}+k,\\,2i} \\\\ P_{\\text{pos}+k,\\,2i+1} \\end{pmatrix} = \\begin{pmatrix} \\cos k\\omega_i & \\sin k\\omega_i \\\\ -\\sin k\\omega_i & \\cos k\\omega_i \\end{pmatrix} \\begin{pmatrix} P_{\\text{pos},\\,2i} \\\\ P_{\\text{pos},\\,2i+1} \\end{pmatrix}',
          label: 'A shift by k positions rotates each (sin, cos) pair by the same angle, independent of pos.',
        },
      ],
      panels: [{ panel: 'positional-encoding', options: { view: 'similarity' } }],
      tryIt: 'In the similarity plot ($P_m \\cdot P_n$), the strongest similarity (darkest blue) runs along the diagonal and fades with the distance $|m - n|$, in the same way on every row.',
      notes: 'Derive the rotation from the angle-addition formulas if time allows: sin(a+b) = sin a cos b + cos a sin b.',
    },
    {
      title: 'Learned positions',
      state: { model: 'masked-grammar', input: 'the dog <mask> .', stack: 'encoder', stage: 'positional' },
      prose: [
        'The simplest alternative: a second lookup table with one learned row per position, trained along with everything else, as in BERT and GPT-2. (It is a table, not a separate network.) Position 0 reads row 0, position 1 row 1, and so on; the row is added to the embedding just like the sinusoidal one.',
        'The catch: the table has exactly `maxLen` rows ({{maxLen}} for this model). There is no row for a longer input, and rows for rarely seen positions are poorly trained.',
      ],
      formulas: [{ tex: 'x_{\\text{pos}} = \\sqrt{d_{\\text{model}}}\\,E_{t_{\\text{pos}}} + P^{\\text{learned}}_{\\text{pos}} \\qquad P^{\\text{learned}} \\in \\mathbb{R}^{\\text{maxLen} \\times d_{\\text{model}}}', label: 'One learned row per position.' }],
      panels: [{ panel: 'positional-encoding', options: { view: 'table' } }],
      notes: 'masked-grammar uses a learned table. Compare the look of the learned table with the clean sinusoidal waves of the previous step.',
    },
    {
      title: 'RoPE: rotate queries and keys',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase runs .', stack: 'decoder', layer: 0, head: 0, stage: 'q' },
      prose: [
        'Rotary position embedding ([[rope|RoPE]]) adds nothing to the embeddings. Inside each attention head, after the queries and keys have been computed, it **rotates** each pair of dimensions $(2i, 2i+1)$ of the query and the key at position $\\text{pos}$ by the angle $\\text{pos}\\cdot\\theta_i$, with $\\theta_i = 10000^{-2i/d_{\\text{head}}}$.',
        'Three details matter: it acts on queries and keys only, never on values; it is applied per head, so its frequencies follow $d_{\\text{head}}$ ({{dHead}} here), not $d_{\\text{model}}$; and in encoder-decoder models it is used in self-attention, not cross-attention. A rotation changes direction but never length.',
      ],
      formulas: [
        {
          tex: '\\begin{pmatrix} a \\\\ b \\end{pmatrix} \\mapsto \\begin{pmatrix} a\\cos(\\text{pos}\\,\\theta_i) - b\\sin(\\text{pos}\\,\\theta_i) \\\\ a\\sin(\\text{pos}\\,\\theta_i) + b\\cos(\\text{pos}\\,\\theta_i) \\end{pmatrix}, \\qquad \\theta_i = 10000^{-2i/d_{\\text{head}}}',
          label: 'Each pair (a, b) = (q₂ᵢ, q₂ᵢ₊₁) of a query, and likewise of a key, is turned by pos·θᵢ.',
        },
      ],
      panels: [{ panel: 'rope', options: { view: 'pairs' } }],
      tryIt: 'The sliders start at the positions the two tokens really hold (the query is the last token, the key the first word). Move the position: the pair arrows turn, their lengths stay the same.',
      notes: 'The grammar model uses RoPE. RoPE is what most current large language models use.',
    },
    {
      title: 'Only the distance counts',
      prose: [
        'Rotate the query at position $m$ by $m\\theta$ and the key at position $n$ by $n\\theta$. Their dot product only sees the difference of the two angles, $(n - m)\\theta$. So for the same two vectors, the score depends on how far apart the tokens are, not on where they sit.',
        'This is relative position built directly into the [[scores]], which is why RoPE extends to other positions more gracefully than a learned table.',
      ],
      formulas: [
        { tex: '\\langle R_{m}\\, q,\\; R_{n}\\, k \\rangle = \\langle q,\\; R_{n-m}\\, k \\rangle \\qquad \\lVert R_m q \\rVert = \\lVert q \\rVert', label: 'Rotations preserve length; the score depends on m − n only.' },
      ],
      panels: [{ panel: 'rope', options: { view: 'relative' } }],
      notes: 'R_m is block-diagonal: one 2×2 rotation per pair. Its transpose is the inverse rotation, which gives the identity in one line.',
    },
    {
      title: 'Compare the models',
      state: { attention: 'selfAttention' },
      prose: [
        'For the encoder-decoder models (`reverse`, `dates`) the panels show the encoder, which reads the whole source; for `grammar` its only stack.',
        'The shipped models between them use all three schemes: `reverse` sinusoidal, `masked-grammar` and `dates` learned tables, `grammar` RoPE. Switch the model and look at what is added to the embeddings (the `positional` matrix, all zeros for RoPE, which acts later) and at the attention [[scores]] of the first layer.',
        'The model now loaded uses {{positional}} positions.',
      ],
      panels: [{ panel: 'input', options: { pickModel: true } }, { panel: 'matrix', options: { field: 'positional' } }, { panel: 'attention-heatmap', options: { show: 'scores' } }],
      controls: ['layer-head'],
      tryIt: 'Switch between models, then type the same letters or words in a different order: the scores change with the order, because positions are encoded.',
      notes: 'A quick tour; the point is that all three give the model a way to tell position 2 from position 5.',
    },
    {
      title: 'Switch the scheme on one model',
      state: { model: 'grammar', input: '<bos> the dog that the cats chase runs .', stack: 'decoder', attention: 'selfAttention', layer: 0, head: 0, stage: 'scores', positional: null },
      prose: [
        'Now keep one model and change only its positions. The `grammar` model was trained with RoPE. The switch runs the same weights with RoPE, with the sinusoidal table added to the embeddings instead, or with no positions at all. The weights were learned with RoPE, so the other schemes do not give a better model: they show what the positional scheme changes in $q \\cdot k$.',
        'With **none**, a query and a key of the first layer depend on the token alone. The two `the` tokens (positions 1 and 4) get identical queries, so their rows of [[scores]] are identical in every column both rows show: attention cannot tell the two positions apart. (The causal mask still lets the later `the` see more keys, the only trace of order left.) RoPE changes only the angle between $q$ and $k$, never $v$; the sinusoidal table changes the vectors themselves, so $q$, $k$ and $v$ all change.',
      ],
      formulas: [
        {
          tex: 't_i = t_j \\;\\Rightarrow\\; q_i = q_j \\;\\Rightarrow\\; \\text{scores}_{i,\\cdot} = \\text{scores}_{j,\\cdot} \\qquad \\text{(first layer, no positions)}',
          label: 'Without positions, two equal tokens get equal queries, and so equal rows of scores.',
        },
      ],
      panels: [
        { panel: 'guess', options: { mode: 'cell', lesson: 'positional-encoding', id: 'pos-the-row', at: 4, prompt: 'With the model’s own positions (RoPE), in layer 0, head 0: which key does the second `the` (position 4) weigh most?' } },
        { panel: 'input' },
        { panel: 'positional-switch' },
        { panel: 'attention-heatmap', options: { show: 'scores' } },
        { panel: 'matrix', options: { field: 'positional' } },
      ],
      tryIt: 'First commit your guess in the predict panel. Then pick None and compare the rows of the two `the` tokens; pick Sinusoidal and watch the added `positional` matrix fill with waves; go back to RoPE. Type your own sentence with a repeated word.',
      notes:
        'Same weights, three schemes: forward(model, input, { positional }) swaps the scheme for one run (the URL carries pos=…). Stress that RoPE is what the model was trained with; with another scheme its predictions get worse, which is the point: the weights depend on how positions were given.',
    },
    {
      title: 'Check your understanding',
      prose: ['Three questions on positional encoding.'],
      questions: [
        {
          kind: 'choice',
          id: 'interleave',
          prompt: 'In the sinusoidal encoding of the original transformer, which dimensions hold the cosines?',
          options: [
            { text: 'The odd dimensions $1, 3, 5, \\dots$, each paired with the sine just before it.', correct: true },
            { text: 'The second half of the dimensions, after all the sines.', feedback: 'That is the concatenated layout some libraries use; the paper interleaves them.', revisit: 2 },
            { text: 'Every dimension holds a sine plus a cosine.', feedback: 'Each dimension holds one of the two.', revisit: 2 },
            { text: 'The even dimensions $0, 2, 4, \\dots$', feedback: 'The even dimensions hold the sines.', revisit: 2 },
          ],
          explanation: '$P_{\\text{pos},2i}$ is a sine and $P_{\\text{pos},2i+1}$ the cosine of the same angle: sin, cos, sin, cos, … interleaved.',
        },
        {
          kind: 'choice',
          id: 'rope-where',
          prompt: 'Where is RoPE applied?',
          options: [
            { text: 'Added to the token embeddings, like the sinusoidal table.', feedback: 'RoPE rotates; it does not add anything to the embeddings.', revisit: 5 },
            { text: 'To the queries and keys inside each attention head.', correct: true },
            { text: 'To the queries, keys and values.', feedback: 'Values are never rotated; only the scores need position.', revisit: 5 },
            { text: 'To the attention weights after the softmax.', feedback: 'RoPE acts before the scores are computed, on the vectors that make them.', revisit: 6 },
          ],
          explanation: 'RoPE rotates each $(2i, 2i+1)$ pair of every query and key, per head, by an angle proportional to the position, so the score $q \\cdot k$ depends on the distance.',
        },
        {
          kind: 'choice',
          id: 'learned-limit',
          prompt: 'A model with learned positions and maxLen = 32 gets a 40-token input. What goes wrong?',
          options: [
            { text: 'Nothing; the table extrapolates.', feedback: 'A table has no rows beyond the ones it was given.', revisit: 4 },
            { text: 'Positions 32 to 39 have no row in the table.', correct: true },
            { text: 'The sine waves become too slow.', feedback: 'A learned table has no sine waves.', revisit: 4 },
            { text: 'Positions 32 to 39 reuse rows 0 to 7.', feedback: 'Nothing wraps around; there is simply no row to add.', revisit: 4 },
          ],
          explanation: 'A learned table has exactly maxLen rows. There is nothing to add at position 32 and beyond, so this app cuts such an input to maxLen (and says so) rather than inventing rows.',
        },
      ],
      notes: 'If there is time, ask why RoPE might generalise to longer inputs better than a learned table.',
    },
  ],
};

export default lesson;
