// A figure scaled to fill a box (presentation slides, an embed in full screen): laid out at its own
// width and scaled with a CSS transform to the largest size that fits, so nothing scrolls.
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { fitScale } from './slideText';
import './fit.css';

/** Widest layout a figure gets before it is scaled (wider screens scale it up instead). */
const DESIGN_WIDTH = 1280;

/**
 * Lays the figure out at its own width (at most min(free width, DESIGN_WIDTH)) and scales it (CSS
 * transform) to the largest size that fits the free box. Within one step the scale only shrinks (a tooltip appearing under a
 * grid must not make the figure jump), and starts afresh when the box changes size.
 */
export function FitFigure({ children, step }: { children: ReactNode; step: number | string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const inner = innerRef.current;
    if (!box || !inner || typeof ResizeObserver === 'undefined') return;
    let lastBox = '';
    let scale = Infinity;
    const measure = () => {
      const boxW = box.clientWidth;
      const boxH = box.clientHeight;
      const layoutW = Math.min(boxW, DESIGN_WIDTH);
      const key = `${boxW}x${boxH}`;
      if (key !== lastBox) {
        lastBox = key;
        scale = Infinity;
        inner.style.maxWidth = `${layoutW}px`;
      }
      // scroll sizes: a panel wider than its layout box overflows it, and must fit too.
      const w = Math.max(inner.offsetWidth, inner.scrollWidth);
      const h = Math.max(inner.offsetHeight, inner.scrollHeight);
      scale = Math.min(scale, fitScale(w, h, boxW, boxH));
      inner.style.transform = `scale(${scale})`;
      inner.style.left = `${Math.max(0, (boxW - w * scale) / 2)}px`;
      box.dataset.scale = scale.toFixed(3);
    };
    const ro = new ResizeObserver(measure);
    ro.observe(box);
    ro.observe(inner);
    return () => ro.disconnect();
  }, [step]);
  return (
    <div className="slide-figure" ref={boxRef} data-testid="slide-figure">
      <div className="slide-figure-inner" ref={innerRef}>
        {children}
      </div>
    </div>
  );
}

