// Lesson 2: tokens and embeddings — text → tokens → ids → one-hot → × embedding matrix (a row
// lookup), scaled by √dModel; typed text shows its tokens, ids and embedding rows live.
import type { Lesson } from './types';

const lesson: Lesson = {
  slug: 'tokens-and-embeddings',
  title: 'Tokens and embeddings',
  summary: 'Text becomes ids, ids become vectors; sub-word pieces.',
  steps: [
    {
      title: 'From text to tokens',
      state: { model: 'grammar', input: '<bos> the dog runs .', layer: 0, head: 0, stage: 'tokens' },
      prose: [
        'A transformer does arithmetic on vectors, so text has to become numbers first. The first cut splits the text into [[token|tokens]], pieces taken from a fixed list, the model’s [[vocabulary]]. Each token is then replaced by its **id**: its index in that list.',
        'The model running here, {{model}}, cuts at spaces: one token per word (write the full stop as a word of its own). Its input starts with `<bos>`, a special [[bos|begin token]] it was trained with. Its vocabulary has {{vocabSize}} entries, including special tokens in angle brackets. A word it never saw in training has no entry: a vocabulary with an `<unk>` token maps it there, and this one, which has none, has to leave the word out.',
      ],
      panels: [
        { panel: 'input' },
        { panel: 'guess', options: { mode: 'next-token', lesson: 'tokens-and-embeddings', id: 'tokens-next', prompt: 'This model has learned its grammar from ids alone. Which token do you expect it to rate most likely next?' } },
      ],
      tryIt: 'Make your guess in the predict panel, then type `<bos> the cat runs .` and watch the chips and their ids. Then add a word the model cannot know, such as `zebra`: no chip appears for it, and a notice says a piece was not in the vocabulary.',
      notes:
        'Let a student type. Point out the chip, its id, and the special tokens in angle brackets. Large models use sub-word pieces (byte-pair encoding) between the two extremes shown in this and the next step.',
    },
    {
      title: 'Characters can be tokens too',
      state: { model: 'reverse', src: 'hello', tgt: '', stack: 'encoder', attention: 'selfAttention' },
      prose: [
        'The vocabulary is a design choice. The `reverse` model, which learned to write a word backwards, uses single letters as tokens: its vocabulary is the 26 letters plus a few special tokens such as `<pad>` (filler), `<bos>` (begin) and `<eos>` (end).',
        'Small vocabularies make long sequences (one token per letter); big vocabularies make short sequences but need a row of parameters for every entry. Production models sit in between, with pieces of words.',
      ],
      panels: [{ panel: 'input' }],
      tryIt: 'Type a word into the source box and count the tokens: one per letter. Try a digit — this vocabulary has none.',
      notes: 'Contrast with the word model. Ask: how many tokens would a 1000-word essay be here versus in the word model?',
    },
    {
      title: 'Sub-word pieces: byte-pair encoding',
      prose: [
        'Large models cut text into pieces between letters and words, learned from data by [[bpe|byte-pair encoding]] (BPE). Start with single characters. Count every pair of neighbouring symbols in a training text, and merge the most frequent pair into one new symbol. Repeat, thousands of times. Each merge adds one entry to the vocabulary.',
        'Frequent words end up as one piece, rarer words as a few pieces they share with other words (`read` + `able`), and a word never seen before still splits into pieces the tokenizer knows, down to single letters. So a BPE vocabulary needs no `<unk>`.',
      ],
      panels: [{ panel: 'bpe', illustration: true, caption: 'A tiny BPE learned in your browser, now, from a short English text written for this course. The shipped models do not use it: they cut at characters or at words.' }],
      tryIt: 'Type your own word in the word box, then press **Step** to apply the merges one by one. Move the merges slider to 0 and up again: with more merges, words break into fewer, longer pieces.',
      notes: 'GPT-2 uses byte-level BPE with 50,257 entries; many others use SentencePiece. The algorithm shown is the textbook one (Sennrich et al. 2016): most frequent pair first, ties broken by the pair’s text here so the result is fixed.',
    },
    {
      title: 'One-hot vectors',
      state: { model: 'grammar', input: '<bos> the dog runs .', stage: 'embeddings' },
      prose: [
        'An id is just a position in a list, and its size means nothing: id 7 is not "more" than id 3. To feed it to matrix arithmetic, write it as a [[one-hot]] vector: $V$ zeros with a single 1 at the id’s position, where $V$ is the vocabulary size ({{vocabSize}} here).',
      ],
      formulas: [
        { tex: 'e_t = (0, \\dots, 0, \\underset{t}{1}, 0, \\dots, 0) \\in \\{0, 1\\}^{V}', label: 'The one-hot vector of token id t.' },
      ],
      panels: [{ panel: 'embedding-lookup', options: { show: 'one-hot' } }],
      tryIt: 'Pick a token: its one-hot vector lights up at exactly one index, its id.',
      notes: 'The one-hot form is conceptual: no implementation builds these vectors, as the next step shows.',
    },
    {
      title: 'Multiplying by the embedding matrix picks a row',
      prose: [
        'The [[embedding]] matrix $E$ has one row of $d_{\\text{model}}$ learned numbers ([[d-model|dModel]]) per vocabulary entry. Multiply a one-hot vector by $E$ and every row is multiplied by 0 except row $t$, which is multiplied by 1: the product **is** row $t$.',
        'So the layer is implemented as a lookup: take row $t$ of $E$. Same numbers, no multiplications. The model learns $E$ during training, so tokens used in similar ways end up with similar rows.',
      ],
      formulas: [
        { tex: 'e_t^{\\top} E = E_{t,:} \\qquad E \\in \\mathbb{R}^{V \\times d_{\\text{model}}}', label: 'One-hot times the embedding matrix equals row t.' },
      ],
      panels: [{ panel: 'embedding-lookup', options: { show: 'row' } }],
      tryIt: 'Choose different tokens: the row the one-hot vector selects (row number = the id) and the vector passed on are the same numbers.',
      notes: 'Emphasise: a learned lookup table. The matrix E is also often reused (tied) at the output.',
    },
    {
      title: 'Scaled by √dModel',
      prose: [
        'Some models multiply the looked-up row by $\\sqrt{d_{\\text{model}}}$, as the original transformer did. For this model the factor is {{embedScale}}. The reason usually given: the positional encoding added next has entries between −1 and 1, and the scaling keeps the token’s own information from being drowned by it.',
        'The panel shows the traced embeddings of the whole input, one row per token, after the scaling: a matrix of shape $[S, d_{\\text{model}}]$ with $S$ = {{S}} tokens.',
      ],
      formulas: [
        { tex: 'x_{\\text{pos}} = \\sqrt{d_{\\text{model}}}\\; E_{t_{\\text{pos}},:} \\; + \\; P_{\\text{pos}}', label: 'The input to the first layer: scaled embedding plus positional encoding (next lesson).' },
      ],
      panels: [{ panel: 'matrix', options: { field: 'embeddings' } }],
      notes: 'Whether the scale is applied is a per-model setting (scaleEmbedding in the config). Signed values: red and blue on a map centred at zero.',
    },
    {
      title: 'Same token, same row',
      state: { input: '<bos> the dog that the cats chase runs .' },
      prose: [
        'A lookup knows nothing about context: the word `the` gets the same row wherever it appears. In this sentence it appears twice, and its two rows of the embedding matrix are identical.',
        'Two things are missing: **where** each token is (the next lesson, positional encoding) and **what surrounds it** (attention, from lesson 5).',
      ],
      panels: [{ panel: 'input' }, { panel: 'matrix', options: { field: 'embeddings' } }],
      tryIt: 'Repeat a word several times and compare its rows: identical, number for number.',
      notes: 'This sets up both positional encoding and attention. Ask: how could the model tell the two copies of "the" apart?',
    },
    {
      title: 'Check your understanding',
      prose: ['Four questions on tokens and embeddings.'],
      questions: [
        {
          kind: 'choice',
          id: 'onehot-row',
          prompt: 'A vocabulary has $V = 5$ entries. The one-hot vector of id 3 is multiplied by the embedding matrix $E \\in \\mathbb{R}^{5 \\times d_{\\text{model}}}$. What comes out?',
          options: [
            { text: 'Row 3 of $E$.', correct: true },
            { text: 'The sum of all rows of $E$.', feedback: 'Every other row is multiplied by 0, so only one row survives.', revisit: 5 },
            { text: 'Column 3 of $E$.', feedback: 'The one-hot vector selects along the vocabulary axis, which is the rows of $E$.', revisit: 5 },
            { text: 'The number 3 times $E$.', feedback: 'The id is never used as a magnitude; that is why it is written one-hot.', revisit: 4 },
          ],
          explanation: 'All entries of $e_3$ are 0 except the one at index 3, so $e_3^{\\top} E = E_{3,:}$. Implementations skip the multiplication and read the row.',
        },
        {
          kind: 'choice',
          id: 'lookup-why',
          prompt: 'Why do implementations use a row lookup instead of the one-hot multiplication?',
          options: [
            { text: 'It gives a different, better result.', feedback: 'The result is exactly the same.', revisit: 5 },
            { text: 'It gives the same result without $V \\times d_{\\text{model}}$ multiplications.', correct: true },
            { text: 'One-hot vectors cannot be multiplied by matrices.', feedback: 'They can; the product just happens to be a row.', revisit: 5 },
            { text: 'The lookup also adds the position.', feedback: 'Positions are added afterwards, by a separate step (next lesson).', revisit: 7 },
          ],
          explanation: 'Multiplying by a one-hot vector wastes work on zeros. Reading row $t$ is the same function, far cheaper.',
        },
        {
          kind: 'choice',
          id: 'bpe-unknown',
          prompt: 'A BPE tokenizer meets a word that was never in its training text. What happens?',
          options: [
            { text: 'It is cut into smaller pieces the tokenizer knows, single letters if need be.', correct: true },
            { text: 'It becomes `<unk>`.', feedback: 'That is what a whole-word vocabulary does; BPE can always fall back on smaller pieces.', revisit: 3 },
            { text: 'The tokenizer learns a new merge on the spot.', feedback: 'Merges are learned once, from the training text; afterwards they are only applied.', revisit: 3 },
            { text: 'It is dropped from the input.', feedback: 'That is what our word-level grammar model has to do; BPE never needs to.', revisit: 1 },
          ],
          explanation: 'Every single character is in the vocabulary from the start, so any word can be spelled with known pieces; merges only make frequent strings shorter.',
        },
        {
          kind: 'choice',
          id: 'same-row',
          prompt: 'The input is `the dog saw the cat`. Before positional encoding, how do the vectors of the two `the` tokens compare?',
          options: [
            { text: 'They are identical.', correct: true },
            { text: 'They differ, because the second one comes later.', feedback: 'Nothing about position has been added yet.', revisit: 7 },
            { text: 'They differ, because their neighbours differ.', feedback: 'The lookup ignores neighbours; only attention mixes tokens.', revisit: 7 },
            { text: 'They are mirror images of each other.', feedback: 'Nothing flips a row: the same id reads the same row.', revisit: 7 },
          ],
          explanation: 'The embedding is a pure lookup by id, so equal ids give equal rows. Positions and context come later.',
        },
      ],
      notes: 'Question 3 is the bridge to the next lesson.',
    },
  ],
};

export default lesson;
