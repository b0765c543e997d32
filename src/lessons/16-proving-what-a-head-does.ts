// Lesson 16: proving what a head does — the grammar model's subject head, shown by its weights,
// then tested: follow the verb position through the model, read the logit lens, knock the head out
// (and a control head), and patch it in from a sentence whose subject has the other number.
// Every claim here is checked against public/models/grammar.safetensors by
// src/lessons/provingWhatAHeadDoes.test.ts; the held-out numbers are the card's (grammar.md).
import type { Lesson } from './types';

/** The sentences and heads the lesson's claims are about (its test reads them from here). */
export const CLAIMS = {
  /** Plural subject, a singular noun in between: the verb must be plural. */
  attractor: '<bos> the dogs that the cat chases',
  subjectHead: 'decoder.1.0',
  controlHead: 'decoder.0.2',
  /** Patching pair: clean (plural subject) and corrupted (singular), the same length. */
  clean: '<bos> the dogs that the cats chase',
  corrupted: '<bos> the dog that the cats chase',
  /** From the grammar card (2,000 held-out sentences; patching on 500). */
  card: {
    'agreement, decoder.1.0 ablated': '65.5%',
    'agreement with attractor, decoder.1.0 ablated': '39.7%',
    'agreement, worst other head ablated': '98.5%',
    'verb flips, decoder.1.0 patched': '100.0%',
    'verb flips, best other head patched': '0.0%',
  },
} as const;

const lesson: Lesson = {
  slug: 'proving-what-a-head-does',
  title: 'Proving what a head does',
  summary: 'Knock a head out, patch it in from another sentence: what attention only suggests, interventions show.',
  steps: [
    {
      title: 'A heatmap is a hint',
      state: { model: 'grammar', input: CLAIMS.attractor, stack: 'decoder', attention: 'selfAttention', layer: 1, head: 0, stage: 'weights', mask: 'causal', ablate: [] },
      prose: [
        'The grammar model has to choose the main verb of `the dogs that the cat chases …`: `run`, because the subject `dogs` is plural, even though the nearest noun, `cat`, is singular.',
        'Look at layer 1, head 0 on the last row (the position that predicts the verb): almost all of its weight sits on `dogs`. Its card says it does so in 99.9% of held-out sentences. It **looks** like a subject-finding head. But a weight is only where the head looked, not what the model did with it: the output might be ignored downstream, or another head might do the same job.',
      ],
      panels: [{ panel: 'attention-heatmap' }],
      tryIt: 'Read the last row: which key gets the weight? Switch to head 1 or 3 of the same layer and compare.',
      notes: 'Stress the gap between correlation (attention weights) and causation (interventions). The rest of the lesson closes it.',
    },
    {
      title: 'Follow the verb position through the model',
      prose: [
        'Follow the last token, `chases`, through the whole model. At each layer you see which tokens each head read, and how much attention and the [[feed-forward]] **added** to its [[residual|residual stream]]; at the end, the prediction.',
        'The [[logit-lens]] reads the stream after every layer as if it were the last: the final LayerNorm, then the de-embedding. After layer 0 the model leans to `runs`, the singular of the nearer noun; only after layer 1, the layer with the subject head, does `run` win.',
      ],
      formulas: [{ tex: '\\text{lens}_\\ell = \\operatorname{LayerNorm}_{\\text{final}}(x_\\ell)\\, W_{\\text{out}}^{\\top} + b', label: 'The logit lens after layer ℓ; the last layer\'s lens is the real prediction.' }],
      panels: [{ panel: 'logit-lens' }, { panel: 'journey' }],
      tryIt: 'In the journey, find layer 1, head 0: what did it read, and with what weight? Press “Show the vectors” to see what each part adds.',
      notes: 'The lens table is the quickest way to see where in depth the prediction forms. Here: the plural appears in layer 1.',
    },
    {
      title: 'Knock the head out',
      state: { ablate: [CLAIMS.subjectHead] },
      prose: [
        'Now an [[ablation]]: run the same sentence with head 0 of layer 1 **knocked out**. Its output (weights·V, a $d_{\\text{head}}$-wide slice of the concatenated heads) is set to zero before the output projection [[w-o|W_O]]; everything else is the trained model. The banner marks the run as intervened.',
        'The verb flips to `runs`: without the head, the model agrees with `cat`. Over the card\'s 2,000 held-out sentences, agreement falls from 100% to **65.5%**, and with a noun of the other number in between to **39.7%**, worse than a coin.',
      ],
      formulas: [{ tex: '\\operatorname{MultiHead}(x) = [\\,\\text{head}_0 \\,|\\, \\ldots \\,|\\, \\mathbf{0} \\,|\\, \\ldots\\,]\\, W_O^{\\top} + b_O', label: 'Ablation: the knocked-out head contributes zeros; the bias b_O is still added.' }],
      panels: [
        { panel: 'guess', options: { mode: 'next-token', lesson: 'proving-what-a-head-does', id: 'ablated-verb', choices: 'run runs sleep sleeps', prompt: 'Head 0 of layer 1 is now knocked out. Which verb will the model rate highest after “the dogs that the cat chases”?' } },
        { panel: 'ablation' },
        { panel: 'output-bars' },
      ],
      tryIt: 'Commit your guess first. Then untick head 0 of layer 1 (or press “Restore the clean model”) and watch `run` come back. Tick other heads and watch the bars.',
      notes: 'Numbers: npm run eval -- grammar --ablate decoder.1.0 (public/models/grammar.md).',
    },
    {
      title: 'A random head is not enough',
      state: { ablate: [CLAIMS.controlHead] },
      prose: [
        'A fair test needs a control: knock out another head instead, here layer 0, head 2. The verb stays `run`. Knocking out any single one of the other seven heads leaves agreement at **98.5%** or more on the held-out sentences.',
        'So the drop is not what happens when you damage any part of the model: it is this head.',
      ],
      panels: [{ panel: 'ablation' }, { panel: 'output-bars' }],
      tryIt: 'Try each head of layer 0 in turn; then tick layer 1, head 0 again.',
      notes: 'Controls matter: a small model can be fragile, and ablating anything may hurt it a little.',
    },
    {
      title: 'Patch it in from the other sentence',
      state: { input: CLAIMS.clean, corrupt: CLAIMS.corrupted, ablate: [] },
      prose: [
        '[[activation-patching|Activation patching]] asks the question the other way round. Take two sentences that differ only in the subject: `the dogs that the cats chase` (clean) and `the dog that the cats chase` (corrupted). Run the corrupted one, but give one head the output it had on the clean one.',
        'Patching layer 1, head 0 restores the clean answer almost completely: the run still reads `dog`, yet predicts the plural verb. Patching any other head does nearly nothing. On the card\'s held-out sentences, patching this head flips the verb in **100%** of them, any other head in **0%**. The subject\'s number reaches the verb through this one head.',
      ],
      formulas: [{ tex: '\\text{restored} = \\frac{LD_{\\text{patched}} - LD_{\\text{corrupted}}}{LD_{\\text{clean}} - LD_{\\text{corrupted}}}, \\quad LD = \\text{logit}(\\text{clean answer}) - \\text{logit}(\\text{corrupted answer})', label: '1: the head alone brings the clean answer back; 0: no effect.' }],
      panels: [{ panel: 'patching', options: { diff: true } }],
      tryIt: 'Press “Patch every head (sweep)”. Which cell is blue? Then swap the numbers of the two nouns in the corrupted input and sweep again.',
      notes: 'The sweep runs in the worker: 2 + 8 forward passes, well under a second. The two-input diff below shows where the attention itself changed.',
    },
    {
      title: 'Check your understanding',
      prose: ['Two questions on what each experiment shows.'],
      questions: [
        {
          kind: 'choice',
          id: 'weights-vs-ablation',
          prompt: 'Head 0 of layer 1 puts 99% of its weight on the subject. What does that alone show?',
          options: [
            { text: 'Where the head looks, not whether the model needs what it finds', correct: true },
            { text: 'That the model uses the head to choose the verb', feedback: 'Only an intervention shows that: the output could be ignored downstream, or duplicated by another head.', revisit: 3 },
            { text: 'That no other head knows the subject', feedback: 'Weights say nothing about the other heads; ablating them (the control) does.', revisit: 4 },
          ],
          explanation: 'Attention weights are a correlation. Ablation and patching test the cause.',
        },
        {
          kind: 'choice',
          id: 'patching',
          prompt: 'Patching head 0 of layer 1 from `the dogs …` into `the dog …` makes the model predict a plural verb. What follows?',
          options: [
            { text: 'The head\'s output carries the subject\'s number to the verb position', correct: true },
            { text: 'The head changes which token the model reads as the subject', feedback: 'The patched run still reads `dog`; only the head\'s output was replaced.', revisit: 5 },
            { text: 'Any head patched this way would do the same', feedback: 'The sweep shows the other heads restore almost nothing.', revisit: 5 },
          ],
          explanation: 'Copying just that head\'s output is enough to move the number information: the head is on the causal path.',
        },
      ],
      notes: 'Wrap up: heatmap → hypothesis; ablation → necessary; patching → sufficient to carry the difference.',
    },
  ],
};

export default lesson;
