// The glossary: every term the lessons link to with [[id]], with a one-line definition (used as
// the link's tooltip), a longer explanation in prose markup and the lesson that teaches it.

export interface GlossaryEntry {
  id: string;
  term: string;
  /** One plain sentence (no markup): the link tooltip. */
  short: string;
  /** A paragraph in prose markup. */
  body: string;
  /** The lesson that teaches it. */
  lesson?: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'activation',
    term: 'Activation function',
    short: 'A fixed non-linear function applied element by element, such as ReLU or GELU.',
    body: 'Without a non-linearity between them, two linear layers collapse into one. Our models use ReLU, $\\max(0, x)$, or the exact GELU, $x\\,\\Phi(x)$ with $\\Phi$ the normal distribution function.',
    lesson: 'feed-forward',
  },
  {
    id: 'argmax',
    term: 'Argmax',
    short: 'Picking the token with the highest score: greedy decoding.',
    body: 'Taking the most probable token at every position is greedy decoding. Sampling with a temperature and top-k is the common alternative when variety matters.',
    lesson: 'de-embedding',
  },
  {
    id: 'attention-weights',
    term: 'Attention weights',
    short: 'The softmax of the scores: for each query, how much each key contributes (a row sums to 1).',
    body: 'Row $i$ of the weights tells how query $i$ mixes the values: $\\text{weights} = \\operatorname{softmax}(\\text{scores})$ row by row, with blocked cells set to 0. Rows are queries, columns are keys.',
    lesson: 'self-attention',
  },
  {
    id: 'autoregressive',
    term: 'Autoregressive generation',
    short: 'Generating one token at a time, feeding each output back in as the next input.',
    body: 'At inference a decoder predicts token $t+1$ from tokens $1..t$, appends it and runs again. Training does not work this way: the whole target is fed at once (teacher forcing).',
    lesson: 'training-vs-inference',
  },
  {
    id: 'causal-mask',
    term: 'Causal mask',
    short: 'Blocks every key to the right of the query: position i may only look at positions j ≤ i.',
    body: 'Cell $(i, j)$ is blocked when $j > i$. It makes a decoder unable to peek at the tokens it is meant to predict.',
    lesson: 'masking',
  },
  {
    id: 'context-window',
    term: 'Context window',
    short: 'The largest number of tokens a transformer can attend over in one pass.',
    body: 'A plain transformer sees only what fits in its window (for our models, `maxLen` tokens). Anything earlier is gone unless the text is re-fed or a memory is added, as in Transformer-XL or Infini-attention.',
    lesson: 'why-transformers',
  },
  {
    id: 'cross-attention',
    term: 'Cross-attention',
    short: 'Attention whose queries come from the decoder and whose keys and values come from the encoder output.',
    body: 'In an encoder-decoder model, each decoder position asks (query) which source positions (keys) matter and reads their values. Queries: decoder stream. Keys and values: the encoder output.',
    lesson: 'decoder-and-cross-attention',
  },
  {
    id: 'd-ff',
    term: 'dFF',
    short: 'The width of the feed-forward hidden layer, usually 4 × dModel.',
    body: 'The feed-forward block maps $d_{\\text{model}} \\to d_{\\text{FF}} \\to d_{\\text{model}}$ at every position separately.',
    lesson: 'feed-forward',
  },
  {
    id: 'd-head',
    term: 'dHead',
    short: 'The size of one head’s query, key and value vectors: dModel / nHeads.',
    body: 'Each head works in $d_{\\text{head}} = d_{\\text{model}} / n_{\\text{heads}}$ dimensions. The notes write $H$ for it; the app writes dHead.',
    lesson: 'multi-head-attention',
  },
  {
    id: 'd-model',
    term: 'dModel',
    short: 'The width of the vector every token carries through the model.',
    body: 'Embeddings, positional encodings, attention outputs and feed-forward outputs all have $d_{\\text{model}}$ numbers per token.',
    lesson: 'tokens-and-embeddings',
  },
  {
    id: 'embedding',
    term: 'Embedding',
    short: 'A learned vector per vocabulary entry; the token id selects its row of the embedding matrix.',
    body: 'Multiplying a one-hot vector by the embedding matrix $E \\in \\mathbb{R}^{V \\times d_{\\text{model}}}$ picks one row, so the layer is implemented as a lookup. Our models may scale it by $\\sqrt{d_{\\text{model}}}$.',
    lesson: 'tokens-and-embeddings',
  },
  {
    id: 'encoder-decoder',
    term: 'Encoder-decoder',
    short: 'An encoder reads the whole source; a decoder generates the target while attending to it (T5-style).',
    body: 'The architecture of the original transformer: bidirectional self-attention over the source, causal self-attention plus cross-attention in the decoder.',
    lesson: 'architectures',
  },
  {
    id: 'feed-forward',
    term: 'Feed-forward block',
    short: 'Two linear layers with an activation between, applied to every position on its own.',
    body: '$\\mathrm{FF}(x) = W_2\\,\\mathrm{act}(W_1 x + b_1) + b_2$, widening to $d_{\\text{FF}}$ and projecting back to $d_{\\text{model}}$. No information moves between positions here; that is attention’s job.',
    lesson: 'feed-forward',
  },
  {
    id: 'full-attention',
    term: 'Full attention',
    short: 'No pattern mask: every query may see every key (padding may still be blocked).',
    body: 'Encoders use it: each token can draw on tokens to its left and right. It is the absence of a pattern, not a mask of its own.',
    lesson: 'masking',
  },
  {
    id: 'head',
    term: 'Attention head',
    short: 'One independent attention computation with its own slice of Q, K and V.',
    body: 'Head $h$ uses columns $h\\,d_{\\text{head}}$ to $(h+1)\\,d_{\\text{head}}$ of the projected queries, keys and values; heads run side by side and are concatenated.',
    lesson: 'multi-head-attention',
  },
  {
    id: 'key',
    term: 'Key',
    short: 'The vector a position offers to be matched against queries.',
    body: '$K = X W_K$. Score $(i, j)$ is the dot product of query $i$ with key $j$, divided by $\\sqrt{d_{\\text{head}}}$.',
    lesson: 'self-attention',
  },
  {
    id: 'layer-norm',
    term: 'LayerNorm',
    short: 'Normalises each token’s vector to mean 0 and variance 1, then scales and shifts it.',
    body: 'Statistics are taken over the $d_{\\text{model}}$ numbers of one token (not across tokens). Post-norm applies it after the residual sum, pre-norm before the sublayer.',
    lesson: 'residuals-and-layer-norm',
  },
  {
    id: 'logits',
    term: 'Logits',
    short: 'Unnormalised scores over the vocabulary, before the softmax.',
    body: 'The final linear layer maps each position’s $d_{\\text{model}}$ vector to $V$ logits; softmax turns them into probabilities.',
    lesson: 'de-embedding',
  },
  {
    id: 'mask',
    term: 'Mask',
    short: 'A grid of blocked (query, key) cells whose weights are forced to 0.',
    body: 'Blocked cells are treated as $-\\infty$ before the softmax, so their weight is exactly 0. Padding, causal and prefix patterns combine with OR.',
    lesson: 'masking',
  },
  {
    id: 'multi-head-attention',
    term: 'Multi-head attention',
    short: 'Several attention heads side by side, concatenated and mixed by the output matrix W_O.',
    body: '$\\operatorname{concat}(\\text{head}_1, \\dots, \\text{head}_{n_{\\text{heads}}})\\,W_O$, where each head attends in its own $d_{\\text{head}}$-dimensional subspace.',
    lesson: 'multi-head-attention',
  },
  {
    id: 'one-hot',
    term: 'One-hot vector',
    short: 'A vector of zeros with a single 1 at the token id.',
    body: 'A token id $t$ in a vocabulary of size $V$ becomes $e_t \\in \\{0,1\\}^V$. Multiplying it by a matrix selects one row.',
    lesson: 'tokens-and-embeddings',
  },
  {
    id: 'padding-mask',
    term: 'Padding mask',
    short: 'Blocks padded keys so that no query reads filler tokens.',
    body: 'Padding blocks key columns; padded query rows are still computed and their results ignored.',
    lesson: 'masking',
  },
  {
    id: 'positional-encoding',
    term: 'Positional encoding',
    short: 'Information about each token’s position, which attention alone cannot see.',
    body: 'Added to the embeddings (learned or sinusoidal) or applied as a rotation of queries and keys (RoPE).',
    lesson: 'positional-encoding',
  },
  {
    id: 'prefix-mask',
    term: 'Prefix mask',
    short: 'The first P positions see each other fully; the rest are causal.',
    body: 'Cell $(i, j)$ is blocked when $j > i$ and $j \\ge P$. $P = 0$ is the causal mask, $P \\ge S$ is full attention.',
    lesson: 'masking',
  },
  {
    id: 'query',
    term: 'Query',
    short: 'The vector a position uses to ask which keys matter to it.',
    body: '$Q = X W_Q$. Row $i$ of the scores compares query $i$ with every key.',
    lesson: 'self-attention',
  },
  {
    id: 'residual',
    term: 'Residual connection',
    short: 'Adding a sublayer’s input to its output, so each block edits a running stream.',
    body: '$x \\leftarrow x + \\text{sublayer}(x)$. The sum is the residual stream that flows from the embeddings to the output.',
    lesson: 'residuals-and-layer-norm',
  },
  {
    id: 'rnn',
    term: 'Recurrent network (RNN)',
    short: 'A network that reads a sequence one token at a time, carrying a hidden state forward.',
    body: '$h_t = f(h_{t-1}, x_t)$: step $t$ cannot start before step $t-1$ has finished.',
    lesson: 'why-transformers',
  },
  {
    id: 'rope',
    term: 'RoPE (rotary position embedding)',
    short: 'Rotates each pair of query and key dimensions by an angle proportional to the position.',
    body: 'Applied inside attention, per head, to queries and keys only (not values, not the embeddings). A rotation keeps lengths, and the dot product of a rotated query and key depends on the positions only through their difference.',
    lesson: 'positional-encoding',
  },
  {
    id: 'scores',
    term: 'Scores',
    short: 'Q·Kᵀ / √dHead: the scaled dot product of every query with every key, before the mask.',
    body: '$\\text{scores} = Q K^{\\top} / \\sqrt{d_{\\text{head}}} \\in \\mathbb{R}^{S \\times S}$ per head; rows are queries, columns are keys.',
    lesson: 'self-attention',
  },
  {
    id: 'self-attention',
    term: 'Self-attention',
    short: 'Attention in which queries, keys and values all come from the same sequence.',
    body: '$\\operatorname{softmax}(Q K^{\\top} / \\sqrt{d_{\\text{head}}})\\,V$ with $Q$, $K$, $V$ projected from one input $X$.',
    lesson: 'self-attention',
  },
  {
    id: 'sequence-length',
    term: 'S (sequence length)',
    short: 'The number of tokens in the input.',
    body: 'Attention compares every pair of tokens, so one head of one layer fills an $S \\times S$ grid.',
    lesson: 'why-transformers',
  },
  {
    id: 'sinusoidal',
    term: 'Sinusoidal encoding',
    short: 'A fixed table of sines (even dimensions) and cosines (odd dimensions) added to the embeddings.',
    body: '$PE_{(pos, 2i)} = \\sin(pos / 10000^{2i/d_{\\text{model}}})$ and $PE_{(pos, 2i+1)} = \\cos(pos / 10000^{2i/d_{\\text{model}}})$: interleaved, not two concatenated halves.',
    lesson: 'positional-encoding',
  },
  {
    id: 'softmax',
    term: 'Softmax',
    short: 'Turns a row of numbers into positive weights that sum to 1.',
    body: '$\\operatorname{softmax}(z)_j = e^{z_j} / \\sum_k e^{z_k}$. A cell at $-\\infty$ gets weight 0.',
    lesson: 'self-attention',
  },
  {
    id: 'token',
    term: 'Token',
    short: 'One unit of input after splitting the text: a character, a word or a piece of a word.',
    body: 'Our models use characters (dates, reverse) or words (grammar). Each token has an id, its row in the vocabulary.',
    lesson: 'tokens-and-embeddings',
  },
  {
    id: 'value',
    term: 'Value',
    short: 'The vector a position hands over when a query attends to it.',
    body: '$V = X W_V$. A head’s output at position $i$ is the weighted sum $\\sum_j \\text{weights}_{ij} v_j$.',
    lesson: 'self-attention',
  },
  {
    id: 'vocabulary',
    term: 'Vocabulary',
    short: 'The fixed list of tokens a model knows; a token id is an index into it.',
    body: 'Its size $V$ sets the number of rows of the embedding matrix and the number of logits at the output.',
    lesson: 'tokens-and-embeddings',
  },
  {
    id: 'w-o',
    term: 'W_O (output projection)',
    short: 'The learned matrix that mixes the concatenated heads back into dModel.',
    body: '$\\text{output} = \\operatorname{concat}(\\text{heads})\\,W_O$, with $W_O \\in \\mathbb{R}^{d_{\\text{model}} \\times d_{\\text{model}}}$.',
    lesson: 'multi-head-attention',
  },
  // Added with lessons 8–14 (the page sorts entries by term).
  {
    id: 'encoder',
    term: 'Encoder',
    short: 'A stack of layers with full self-attention that turns an input into one context-aware vector per token.',
    body: 'Each layer is self-attention and a feed-forward network, each with a residual connection and LayerNorm. Nothing is masked but padding, so every token reads both its left and its right.',
    lesson: 'encoder',
  },
  {
    id: 'teacher-forcing',
    term: 'Teacher forcing',
    short: 'Training a decoder on the true target shifted right, predicting every position in one pass.',
    body: 'The decoder reads `<bos>` followed by the target and predicts the target followed by `<eos>`. The causal mask keeps each position from seeing what it must predict. At inference the model reads its own outputs instead.',
    lesson: 'training-vs-inference',
  },
  {
    id: 'temperature',
    term: 'Temperature',
    short: 'A number T that divides the logits before the softmax: below 1 sharpens, above 1 flattens.',
    body: '$p_w = e^{z_w / T} / \\sum_{w\'} e^{z_{w\'} / T}$. The order of the tokens never changes; as $T \\to 0$ sampling becomes greedy (argmax).',
    lesson: 'de-embedding',
  },
  {
    id: 'top-k',
    term: 'Top-k sampling',
    short: 'Sampling only among the k most probable tokens, their probabilities rescaled to sum to 1.',
    body: 'It cuts off the long tail of unlikely tokens. With $k = 1$ it is greedy decoding.',
    lesson: 'de-embedding',
  },
  {
    id: 'bert',
    term: 'BERT',
    short: 'An encoder-only transformer pre-trained by filling in masked words (Devlin et al., 2019).',
    body: 'Bidirectional attention over the whole input, then a small head for the task: classification, tagging or answer spans.',
    lesson: 'architectures',
  },
  {
    id: 'gpt-2',
    term: 'GPT-2',
    short: 'A decoder-only transformer trained to predict the next token (Radford et al., 2019).',
    body: 'Causal self-attention only, pre-norm, no encoder; it generates text one token at a time. Most large language models follow this design.',
    lesson: 'architectures',
  },
  {
    id: 't5',
    term: 'T5',
    short: 'An encoder-decoder transformer that treats every task as text in, text out (Raffel et al., 2020).',
    body: 'A bidirectional encoder reads the input and a causal decoder with cross-attention writes the output.',
    lesson: 'architectures',
  },
  // Added with lesson 16.
  {
    id: 'ablation',
    term: 'Ablation',
    short: 'Running the model with one part knocked out, to see what that part was needed for.',
    body: 'Here a head is ablated by setting its output to zero (or to its mean over many inputs) before $W_O$; its attention weights are still computed. If the prediction changes, the model needed the head; a heatmap alone cannot tell you that.',
    lesson: 'proving-what-a-head-does',
  },
  {
    id: 'activation-patching',
    term: 'Activation patching',
    short: 'Copying one part\'s output from a run on one input into a run on another input of the same length.',
    body: 'Run a clean and a corrupted input; give one head of the corrupted run the output it had on the clean input. If the clean answer comes back, that head carries the difference between the inputs.',
    lesson: 'proving-what-a-head-does',
  },
  {
    id: 'logit-lens',
    term: 'Logit lens',
    short: 'Reading the residual stream after each layer through the final norm and the de-embedding.',
    body: 'The model\'s own final LayerNorm and de-embedding applied early: what the model would predict if it stopped after layer $\\ell$. The last layer\'s lens is the real prediction.',
    lesson: 'proving-what-a-head-does',
  },
];

const byId = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The entry for an id, or undefined. */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}
