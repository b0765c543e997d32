// The one "Show as table" switch of every figure: the same button, label and test id everywhere,
// so a screen-reader user finds the table view the same way in each panel.
export function TableToggle({ asTable, onToggle }: { asTable: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="btn viz-btn" aria-pressed={asTable} onClick={onToggle} data-testid="table-toggle">
      Show as table
    </button>
  );
}
