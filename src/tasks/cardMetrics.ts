// The numbers a model card states, and the same numbers measured: each card has a "Metrics"
// table whose rows `| key | 99.5% |` use the keys below, so a test can hold the card to the model.
import type { TaskMetrics } from './evaluateTask';

/** Measured value per card key, as a fraction. */
export function cardKeys(r: TaskMetrics): Record<string, number> {
  switch (r.task) {
    case 'reverse':
      return { 'exact match': r.metrics.exactMatch, 'anti-diagonal': r.metrics.antiDiagonal };
    case 'dates': {
      const a = r.metrics.alignmentByLayer[r.metrics.bestLayer];
      return {
        'exact match': r.metrics.exactMatch, 'exact match, held-out formats': r.metrics.heldOutFormats!.exactMatch,
        'hand-written dates': r.metrics.handwritten!.exactMatch,
        'alignment year': a.year, 'alignment month': a.month, 'alignment day': a.day,
      };
    }
    case 'grammar': {
      const top = r.metrics.heads[0];
      return {
        'agreement': r.metrics.agreement.all, 'agreement with attractor': r.metrics.agreement.attractor,
        'agreement without attractor': r.metrics.agreement.noAttractor,
        [`subject head L${top.layer}H${top.head}`]: top.rate,
      };
    }
    case 'masked-grammar':
      return {
        'masked-word accuracy': r.metrics.maskedWordAccuracy, 'right word class': r.metrics.rightClass,
        'verb agreement': r.metrics.verbAgreement.all,
        'verb agreement with attractor': r.metrics.verbAgreement.attractor,
      };
  }
}

/** The `| key | value% |` rows of a card, as fractions. */
export function parseCardTable(markdown: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*([^|]+?)\s*\|\s*([\d.]+)%\s*\|/.exec(line);
    if (m) out[m[1]] = Number(m[2]) / 100;
  }
  return out;
}
