// "Show as table": the numbers of a cell map as a real <table> with row and column headers.
import type { CellMapProps } from './CellMap';
import { formatValue } from './format';

/** The largest table rendered; bigger maps show their top-left corner (export JSON for everything). */
export const TABLE_LIMIT = 64;

/** A cell map's values as a table (rows × columns, blocked cells marked in words). */
export function CellTable(props: CellMapProps & { offset: number; digits: number }) {
  const { values, offset, rows, cols, rowLabels, colLabels, blocked, digits } = props;
  const nr = Math.min(rows, TABLE_LIMIT);
  const nc = Math.min(cols, TABLE_LIMIT);
  return (
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={`${props.label} (table)`}>
      {(nr < rows || nc < cols) && (
        <p className="notice">
          Showing the first {nr} rows and {nc} columns of {rows} × {cols}; export the data as JSON for all of
          them.
        </p>
      )}
      <table className="viz-table" data-testid="cellmap-table">
        <caption>{props.label}</caption>
        <thead>
          <tr>
            <th scope="col">
              {props.rowTitle} \ {props.colTitle}
            </th>
            {colLabels.slice(0, nc).map((l, c) => (
              <th scope="col" key={c}>
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: nr }, (_, r) => (
            <tr key={r}>
              <th scope="row">{rowLabels[r]}</th>
              {Array.from({ length: nc }, (_, c) => {
                const b = !!blocked && blocked[r * cols + c] === 1;
                return (
                  <td key={c} className={b ? 'viz-td-blocked' : undefined}>
                    {formatValue(values[offset + r * cols + c], digits)}
                    {b && <span className="viz-blocked-word"> blocked</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
