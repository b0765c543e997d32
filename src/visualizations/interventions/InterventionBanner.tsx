// The mark of an intervened run: a banner in words (and an icon and a dashed border, never colour
// alone) naming what was changed, with one click back to the clean model.
export interface InterventionBannerProps {
  /** Knocked-out heads, as written in links ("decoder.1.0"). */
  heads: readonly string[];
  onRestore: () => void;
  testId?: string;
}

/** Nothing when no head is knocked out. */
export function InterventionBanner({ heads, onRestore, testId = 'intervention-banner' }: InterventionBannerProps) {
  if (!heads.length) return null;
  return (
    <div className="iv-banner" role="status" data-testid={testId} data-intervened="true">
      <span aria-hidden="true">⚠</span>
      <span>
        <strong>Intervened run.</strong> {heads.length === 1 ? 'Head' : 'Heads'} <code>{heads.join(', ')}</code> knocked out (output set to
        zero before W_O): every number on this page comes from the changed model, not the trained one.
      </span>
      <button type="button" className="btn btn-primary" onClick={onRestore} data-testid="restore-clean">
        Restore the clean model
      </button>
    </div>
  );
}
