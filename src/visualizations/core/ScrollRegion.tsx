// A box that scrolls sideways when its figure is wider than the page (320 px reflow): while it
// overflows it is a named, focusable region, so keyboard users can scroll it; otherwise it is a
// plain box (no extra tab stop).
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function ScrollRegion({ label, className, children, testId }: { label: string; className?: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    const ro = new ResizeObserver(check);
    ro.observe(el);
    check();
    return () => ro.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`viz-scroll ${className ?? ''}`}
      tabIndex={overflows ? 0 : undefined}
      role={overflows ? 'region' : undefined}
      aria-label={overflows ? `${label} (scrolls sideways)` : undefined}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
