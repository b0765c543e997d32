// Lesson 15: train your own — a small transformer learns reverse, sort and an induction copy in the
// browser while the learner watches the loss fall and the attention form; and fails without positions.
import type { Lesson } from './types';

const lesson: Lesson = {
  slug: 'train-your-own',
  title: 'Train your own',
  summary: 'Watch a small transformer learn a task, and its attention form.',
  steps: [
    {
      title: 'Attention is learned',
      prose: [
        'Every model so far came with trained weights. Here you train one: a tiny [[encoder-decoder]] with $d_{\\text{model}} = 32$, one layer per stack and two heads, learning to **reverse** words of 3–8 letters.',
        'Before training, every attention row is close to uniform: the weights $W_Q$ and $W_K$ are random, so no key stands out. Gradient descent changes them a little at each step, and the [[cross-attention]] pattern that solves the task appears by itself.',
      ],
      formulas: [{ tex: '\\theta \\leftarrow \\theta - \\eta\\, \\nabla_\\theta \\mathcal{L}', label: 'one step of gradient descent (the trainer uses AdamW)' }],
      state: { model: 'reverse', src: 'hello', tgt: 'olleh', stack: 'decoder', attention: 'crossAttention', layer: 0, head: 0 },
      panels: [
        { panel: 'guess', options: { mode: 'cell', lesson: 'train-your-own', id: 'train-first-letter', at: 0, prompt: 'First a prediction about the trained `reverse` model that ships with the course: the decoder position reading `<bos>` must write the first letter of `olleh`. Which source letter do you expect its cross-attention (head 0) to weigh most?' } },
        { panel: 'train', options: { task: 'reverse', pos: 'learned' } },
      ],
      tryIt: 'Commit your guess, then press **Train**. Watch the cross-attention heatmap: the anti-diagonal appears as the held-out curve climbs. Press **Pause**, then **Step** to move one batch at a time.',
      notes: 'Let it run for twenty seconds in front of the class: the loss drops first, then the exact-match curve jumps once the anti-diagonal is sharp. Pause and point at one row of the cross-attention.',
    },
    {
      title: 'Without positions, reversing cannot be learned',
      prose: [
        'Now the same model with **no** [[positional-encoding]]. [[self-attention|Self-attention]] is permutation-equivariant: shuffle the input letters and its outputs are shuffled the same way, each unchanged.',
        'So the decoder sees a bag of letters. It can learn *which* letters to write, but nothing in its input says which came first, and no amount of training can fix that.',
      ],
      panels: [{ panel: 'train', options: { task: 'reverse', pos: 'none' } }],
      tryIt: 'Press **Train** and watch the held-out curve stall near zero while the loss stops falling. Then switch **Positions** to sinusoidal or RoPE: the run restarts and learns.',
      notes: 'The note under the controls explains the failure once the curve has stalled (about 400 steps). Ask the class to predict the plateau before pressing Train.',
    },
    {
      title: 'Sort needs no positions',
      prose: [
        'Sorting is different: the answer depends only on **which** letters there are, not on where they stand. Each output letter is the smallest source letter larger than the one just written: a lookup by content.',
        'So sort is learned even with no positional encoding at all.',
      ],
      panels: [{ panel: 'train', options: { task: 'sort', pos: 'none' } }],
      tryIt: 'Train, then read the cross-attention row of each output letter: its brightest key is the letter it writes, wherever that letter sits in the source.',
      notes: 'Contrast with the previous step: same model, same missing positions, different task. Order-free tasks do not need order information.',
    },
    {
      title: 'Looking back to a match',
      prose: [
        'The last task is for a decoder-only model: it reads a word, a separator, and then must write the word again. At each letter of the copy it has to find that letter earlier in the sequence and read the letter **after** it.',
        'The textbook circuit for this takes two layers working together: a head in layer 0 that attends to the previous token, and a head in layer 1 (an [[induction-head|induction head]]) whose query matches keys by that previous-token information. The [[causal-mask|causal mask]] keeps every position from seeing the future.',
        'A trained model is not obliged to find the textbook circuit: gradient descent keeps whatever lowers the loss. The maps show what your run actually learned.',
      ],
      panels: [{ panel: 'train', options: { task: 'induction' } }],
      tryIt: 'Train, then open layer 0 and layer 1 of the decoder self-attention: is there a head that looks one step back, and one whose rows in the second copy light up the letter after the earlier match? Then set **Layers per stack** to 1 and compare.',
      notes: 'Induction heads (Olsson et al., 2022) are a well-studied circuit in language models. Be honest with the class: on this small task a one-layer model with learned positions also gets far, by another route, so read the maps rather than assume the circuit.',
    },
    {
      title: 'Check your understanding',
      prose: ['Two questions on what the curves showed.'],
      questions: [
        {
          kind: 'choice',
          id: 'no-positions',
          prompt: 'Why can a transformer with no positional encoding not learn to reverse a word?',
          options: [
            { text: 'Self-attention without positions cannot tell where a letter stands, so the input is a bag of letters', correct: true },
            { text: 'The learning rate is too small', feedback: 'Any learning rate fails: the information is missing, not slow to learn.', revisit: 2 },
            { text: 'Reversing needs more than one layer', feedback: 'One layer learns it easily once positions are added.', revisit: 1 },
            { text: 'The causal mask hides the end of the word', feedback: 'The encoder has no causal mask; it sees every letter, just not where each one stands.', revisit: 2 },
          ],
          explanation: 'Permutation-equivariance: moving a letter moves its output with it, unchanged, so order is invisible.',
        },
        {
          kind: 'choice',
          id: 'sort-positions',
          prompt: 'Which task is learned even without a positional encoding?',
          options: [
            { text: 'Sort', correct: true },
            { text: 'Copy', feedback: 'Copying must write the first letter first: it needs order.', revisit: 4 },
            { text: 'Reverse', feedback: 'Reversing needs to know which letter is last.', revisit: 2 },
            { text: 'None of them', feedback: 'Sorting depends only on which letters there are, so it needs no order.', revisit: 3 },
          ],
          explanation: 'The sorted word depends only on the set of letters, which a bag of letters still holds.',
        },
      ],
      notes: 'If time allows, let students share links to their own runs: every setting is in the address.',
    },
  ],
};

export default lesson;
