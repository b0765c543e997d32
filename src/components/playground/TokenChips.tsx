// The input as tokens: one chip per token with its piece and id, and a visible notice when the input
// was cut to the model's maxLen or had pieces outside the vocabulary.
import type { TokenizedSequence } from '../../store/types';
import { useAtlas } from '../../store/atlas';
import { selectModelInfo } from '../../store/selectors';
import { unknownSentence } from '../../store/nearestKnown';

const shown = (piece: string) => (piece === ' ' ? '␣' : piece);

/** Chips for one tokenized sequence; `label` names it for screen readers ("Source tokens"). */
export function TokenChips({ seq, label, maxLen, testId = 'token-chips' }: { seq: TokenizedSequence; label: string; maxLen: number; testId?: string }) {
  const info = useAtlas(selectModelInfo);
  return (
    <div className="pg-tokens">
      <ol className="pg-chips" aria-label={`${label}: ${seq.tokens.length}`} data-testid={testId}>
        {seq.tokens.map((t, i) => (
          <li key={i} className="pg-chip" data-testid="token-chip" data-id={t.id}>
            <span className="pg-chip-piece">{shown(t.text)}</span>
            <span className="pg-chip-id" aria-label={`id ${t.id}`}>
              {t.id}
            </span>
          </li>
        ))}
      </ol>
      {seq.dropped > 0 && (
        <p className="notice" role="status" data-testid="truncation-notice">
          The input is longer than this model’s limit of {maxLen} tokens: the last {seq.dropped}{' '}
          {seq.dropped === 1 ? 'token was' : 'tokens were'} cut off and not run.
        </p>
      )}
      {seq.unknown > 0 && (
        <p className="notice" role="status" data-testid="unknown-notice">
          {info && seq.unknownPieces?.length
            ? unknownSentence(seq.unknownPieces, info.vocab, info.vocab.includes('<unk>'), info.tokenizer === 'char' ? 'char' : 'word')
            : `${seq.unknown} ${seq.unknown === 1 ? 'piece is' : 'pieces are'} not in the model’s vocabulary and became <unk> (or were left out when the vocabulary has no <unk>).`}
        </p>
      )}
    </div>
  );
}
