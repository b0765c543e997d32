// A widget's data table: a named, keyboard-scrollable box around a table with a visible caption,
// a row of column headers and the widget's rows. Several widgets show one of these; the markup
// (classes, scroll region, header scopes) is kept in one place so they stay alike.
import type { ReactNode } from 'react';
import { HeadRow } from '../../../visualizations/HeadRow';
import { ScrollBox } from './ScrollBox';

export interface WidgetTableProps {
  /** The scroll region's accessible name. */
  label: string;
  caption: ReactNode;
  cols: readonly string[];
  testId?: string;
  /** The `<tr>`s. */
  children: ReactNode;
}

export function WidgetTable({ label, caption, cols, testId, children }: WidgetTableProps) {
  return (
    <ScrollBox label={label}>
      <table className="data-table widget-table" data-testid={testId}>
        <caption>{caption}</caption>
        <HeadRow cols={cols} />
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}
