// Number and label formatting shared by panels, tooltips, tables and screen-reader announcements.

/** A value for display: two decimals, a true minus sign, −∞ for blocked scores. */
export function formatValue(v: number, digits = 2): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  const s = Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(digits);
  // "-0.00" reads as a negative number; show it as 0.00.
  const clean = /^-0\.?0*$/.test(s) ? s.slice(1) : s;
  return clean.replace('-', '−');
}

/** Parses a value written by formatValue back to a number (tests, tables). */
export function parseValue(s: string): number {
  const t = s.trim().replace('−∞', '-Infinity').replace('−', '-').replace('∞', 'Infinity');
  return Number(t);
}

/** Shortens a token label for an axis (the full label stays in tooltips and tables). */
export function shortLabel(label: string, max = 10): string {
  const visible = label.replace(/\s/g, '·') || '∅';
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

/** The screen-reader name of a cell, e.g. "query ‘the’ → key ‘cat’: 0.42". */
export function announceCell(
  rowNoun: string,
  rowLabel: string,
  colNoun: string,
  colLabel: string,
  value: string,
  blocked = false,
): string {
  return `${rowNoun} ‘${rowLabel}’ → ${colNoun} ‘${colLabel}’: ${value}${blocked ? ' (blocked)' : ''}`;
}
