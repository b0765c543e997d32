// The papers the course cites, with what each contributes to it.

export interface Reference {
  id: string;
  authors: string;
  title: string;
  venue: string;
  year: number;
  url: string;
  /** Why the course cites it (plain text). */
  why: string;
  lessons: readonly string[];
}

export const REFERENCES: readonly Reference[] = [
  {
    id: 'vaswani2017',
    authors: 'Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, Łukasz Kaiser, Illia Polosukhin',
    title: 'Attention Is All You Need',
    venue: 'Advances in Neural Information Processing Systems 30 (NeurIPS)',
    year: 2017,
    url: 'https://arxiv.org/abs/1706.03762',
    why: 'The transformer itself: scaled dot-product and multi-head attention, sinusoidal positional encoding, the encoder-decoder with residuals and LayerNorm.',
    lessons: ['why-transformers', 'positional-encoding', 'self-attention', 'multi-head-attention', 'masking', 'feed-forward', 'encoder', 'decoder-and-cross-attention'],
  },
  {
    id: 'su2021',
    authors: 'Jianlin Su, Yu Lu, Shengfeng Pan, Ahmed Murtadha, Bo Wen, Yunfeng Liu',
    title: 'RoFormer: Enhanced Transformer with Rotary Position Embedding',
    venue: 'arXiv:2104.09864 (later in Neurocomputing, 2024)',
    year: 2021,
    url: 'https://arxiv.org/abs/2104.09864',
    why: 'Rotary position embedding (RoPE): rotating query and key pairs so their dot product depends on relative position.',
    lessons: ['positional-encoding'],
  },
  {
    id: 'devlin2019',
    authors: 'Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    venue: 'NAACL-HLT',
    year: 2019,
    url: 'https://arxiv.org/abs/1810.04805',
    why: 'The encoder-only architecture trained as a masked language model; learned positional embeddings.',
    lessons: ['encoder', 'architectures'],
  },
  {
    id: 'raffel2020',
    authors: 'Colin Raffel, Noam Shazeer, Adam Roberts, Katherine Lee, Sharan Narang, Michael Matena, Yanqi Zhou, Wei Li, Peter J. Liu',
    title: 'Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer (T5)',
    venue: 'Journal of Machine Learning Research 21(140)',
    year: 2020,
    url: 'https://arxiv.org/abs/1910.10683',
    why: 'The encoder-decoder architecture applied to every task as text-to-text; compares masking patterns including the prefix language model.',
    lessons: ['masking', 'architectures'],
  },
  {
    id: 'radford2019',
    authors: 'Alec Radford, Jeffrey Wu, Rewon Child, David Luan, Dario Amodei, Ilya Sutskever',
    title: 'Language Models are Unsupervised Multitask Learners (GPT-2)',
    venue: 'OpenAI technical report',
    year: 2019,
    url: 'https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf',
    why: 'The decoder-only architecture for generation, with pre-norm layers.',
    lessons: ['residuals-and-layer-norm', 'architectures', 'de-embedding'],
  },
  {
    id: 'solaiman2019',
    authors: 'Irene Solaiman, Miles Brundage, Jack Clark, Amanda Askell, Ariel Herbert-Voss, Jeff Wu, Alec Radford, et al.',
    title: 'Release Strategies and the Social Impacts of Language Models',
    venue: 'arXiv:1908.09203',
    year: 2019,
    url: 'https://arxiv.org/abs/1908.09203',
    why: 'OpenAI’s report on the staged release of GPT-2 (the paper the course notes cite for GPT-2).',
    lessons: ['architectures'],
  },
  {
    id: 'dai2019',
    authors: 'Zihang Dai, Zhilin Yang, Yiming Yang, Jaime Carbonell, Quoc V. Le, Ruslan Salakhutdinov',
    title: 'Transformer-XL: Attentive Language Models Beyond a Fixed-Length Context',
    venue: 'ACL',
    year: 2019,
    url: 'https://arxiv.org/abs/1901.02860',
    why: 'Segment-level recurrence: attending to cached states of the previous segment, with relative positions.',
    lessons: ['why-transformers'],
  },
  {
    id: 'munkhdalai2024',
    authors: 'Tsendsuren Munkhdalai, Manaal Faruqui, Siddharth Gopal',
    title: 'Leave No Context Behind: Efficient Infinite Context Transformers with Infini-attention',
    venue: 'arXiv:2404.07143',
    year: 2024,
    url: 'https://arxiv.org/abs/2404.07143',
    why: 'A fixed-size compressive memory in each attention layer, read with linear attention and gated with local attention.',
    lessons: ['why-transformers'],
  },
  {
    id: 'cover1965',
    authors: 'Thomas M. Cover',
    title: 'Geometrical and Statistical Properties of Systems of Linear Inequalities with Applications in Pattern Recognition',
    venue: 'IEEE Transactions on Electronic Computers EC-14(3)',
    year: 1965,
    url: 'https://doi.org/10.1109/PGEC.1965.264137',
    why: 'Cover’s theorem on linear separability in higher dimensions, the intuition (not a proof) behind the feed-forward widening.',
    lessons: ['feed-forward'],
  },
  {
    id: 'ba2016',
    authors: 'Jimmy Lei Ba, Jamie Ryan Kiros, Geoffrey E. Hinton',
    title: 'Layer Normalization',
    venue: 'arXiv:1607.06450',
    year: 2016,
    url: 'https://arxiv.org/abs/1607.06450',
    why: 'LayerNorm: statistics over the features of one token.',
    lessons: ['residuals-and-layer-norm'],
  },
  {
    id: 'he2016',
    authors: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun',
    title: 'Deep Residual Learning for Image Recognition',
    venue: 'IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
    year: 2016,
    url: 'https://arxiv.org/abs/1512.03385',
    why: 'Residual connections: each block learns a change added to its input, which keeps deep stacks trainable.',
    lessons: ['residuals-and-layer-norm'],
  },
  {
    id: 'xiong2020',
    authors: 'Ruibin Xiong, Yunchang Yang, Di He, Kai Zheng, Shuxin Zheng, Chen Xing, Huishuai Zhang, Yanyan Lan, Liwei Wang, Tie-Yan Liu',
    title: 'On Layer Normalization in the Transformer Architecture',
    venue: 'International Conference on Machine Learning (ICML)',
    year: 2020,
    url: 'https://arxiv.org/abs/2002.04745',
    why: 'Post-norm against pre-norm: why pre-norm transformers train stably without a long learning-rate warm-up.',
    lessons: ['residuals-and-layer-norm'],
  },
];
