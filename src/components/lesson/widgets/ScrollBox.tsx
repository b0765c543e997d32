// A horizontally scrollable box for wide tables: focusable and named, so keyboard users can scroll it.
import type { ReactNode } from 'react';
import './widgets.css';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="widget-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
