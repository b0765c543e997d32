// The grid of a click-the-cells question: the rows are queries and the columns are keys, each with
// its token as a header. The quiz (cells are toggle buttons) and the printed handout (cells are
// empty boxes to mark by hand) draw the same grid, so it lives here once; each says what goes in
// the corner and in a cell.
import type { ReactNode } from 'react';
import type { CellsQuestion } from '../../lessons/types';

export interface CellTableProps {
  question: Pick<CellsQuestion, 'rows' | 'cols'>;
  className: string;
  /** The screen-reader caption. */
  caption: string;
  /** The top-left header cell (above the row tokens, left of the column tokens). */
  corner: ReactNode;
  /** The `<td>` for query row `i` and key column `j`. */
  cell: (i: number, j: number) => ReactNode;
}

export function CellTable({ question, className, caption, corner, cell }: CellTableProps) {
  return (
    <table className={className}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {corner}
          {question.cols.map((c, j) => (
            <th key={j} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {question.rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">{r}</th>
            {question.cols.map((_, j) => cell(i, j))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
