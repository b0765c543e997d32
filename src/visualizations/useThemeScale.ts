// The theme's type scale (--scale: 1, or 1.6 on the projector), so SVG labels and strokes grow with it.
import { useSyncExternalStore } from 'react';

function subscribe(cb: () => void): () => void {
  const observer = new MutationObserver(cb);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'style', 'class'],
  });
  return () => observer.disconnect();
}

function read(): number {
  const v = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--scale'));
  return Number.isFinite(v) && v > 0 ? v : 1;
}

/** The current value of the CSS custom property --scale (1 outside the browser). */
export function useThemeScale(): number {
  return useSyncExternalStore(subscribe, read, () => 1);
}

/** Whether the user asked for reduced motion (OS setting or <html data-motion="reduce">). */
export function prefersReducedMotion(): boolean {
  if (typeof window === 'undefined') return true;
  return (
    document.documentElement.dataset.motion === 'reduce' ||
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}
