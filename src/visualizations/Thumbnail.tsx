// A small heatmap drawn at data resolution (one pixel per cell), for the head and model overviews.
import { useLayoutEffect, useRef } from 'react';
import { paintCells } from './paint';
import type { ColourScale } from './scales';
import type { Matrix } from './tensorView';

/** A canvas thumbnail of a matrix, `size` CSS pixels wide. */
export function Thumbnail({ matrix, scale, size }: { matrix: Matrix; scale: ColourScale; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    // willReadFrequently: a CPU-backed canvas, since export reads the pixels back.
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const image = ctx.createImageData(matrix.cols, matrix.rows);
    paintCells(matrix.values, 0, matrix.rows, matrix.cols, scale, image.data);
    ctx.putImageData(image, 0, 0);
  }, [matrix, scale]);
  const h = Math.max(1, Math.round((size * matrix.rows) / Math.max(1, matrix.cols)));
  return (
    <canvas
      ref={ref}
      width={matrix.cols}
      height={matrix.rows}
      style={{ width: size, height: h }}
      aria-hidden="true"
      data-testid="thumbnail"
    />
  );
}
