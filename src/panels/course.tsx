// Panels of issue 15 (teaching): byte-pair merges learned in the browser (lesson 2), the gated
// feed-forward drawn (lesson 8), and predict-then-reveal on the live model (every lesson).
import { Bpe } from '../components/lesson/widgets/Bpe';
import { SwiGlu } from '../components/lesson/widgets/SwiGlu';
import { Guess } from '../components/lesson/widgets/Guess';
import { definePanel } from './types';

export const bpePanel = definePanel({ title: 'Byte-pair encoding, learned in your browser', render: () => <Bpe /> });

export const swigluPanel = definePanel({ title: 'A gated feed-forward unit (SwiGLU)', render: () => <SwiGlu /> });

export interface GuessOptions {
  /** 'next-token': the token the model rates highest; 'cell': the key a query row weighs most. */
  mode?: 'next-token' | 'cell';
  /** The lesson whose progress records the guess, and the guess's id there. */
  lesson?: string;
  id?: string;
  prompt?: string;
  /** The position (next-token) or query row (cell): 'last', 'mask' or an index. */
  at?: 'last' | 'mask' | number;
  /** next-token: the candidates offered, space-separated (default: the six most probable). */
  choices?: string;
}

export const guessPanel = definePanel<GuessOptions>({
  title: 'Predict, then reveal',
  render: (o) => (
    <Guess
      mode={o.mode ?? 'next-token'}
      lesson={o.lesson ?? ''}
      id={o.id ?? 'guess'}
      prompt={o.prompt ?? ''}
      at={o.at ?? 'last'}
      choices={o.choices?.split(' ')}
    />
  ),
});
