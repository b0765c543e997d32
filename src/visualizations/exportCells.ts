// Vector cells for figure export: a canvas painted at data resolution (one pixel per cell, as
// CellMap paints it) becomes one <rect> per cell, so exported SVG and printed handouts stay sharp
// and every cell is an element of the file. Large canvases stay images (file size).

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Above this many pixels a canvas is embedded as a PNG image instead of rects. */
export const MAX_VECTOR_CELLS = 16_384;

/**
 * A <g data-cells="rows×cols"> of rects with the canvas's pixel colours, drawn over `box` (the
 * canvas's on-screen rectangle), or null when the canvas is too large or cannot be read.
 */
export function canvasToCells(
  canvas: HTMLCanvasElement,
  doc: Document,
  box: { x: number; y: number; width: number; height: number },
): SVGGElement | null {
  const cols = canvas.width;
  const rows = canvas.height;
  if (cols === 0 || rows === 0 || cols * rows > MAX_VECTOR_CELLS) return null;
  let data: Uint8ClampedArray;
  try {
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    data = ctx.getImageData(0, 0, cols, rows).data; // [rows, cols, 4] RGBA
  } catch {
    return null; // a tainted canvas cannot be read
  }
  const w = box.width / cols;
  const h = box.height / rows;
  const g = doc.createElementNS(SVG_NS, 'g');
  g.setAttribute('data-cells', `${rows}x${cols}`);
  g.setAttribute('shape-rendering', 'crispEdges');
  if (canvas.dataset.testid) g.setAttribute('data-source', canvas.dataset.testid);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const o = (r * cols + c) * 4;
      const rect = doc.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('x', (box.x + c * w).toFixed(2));
      rect.setAttribute('y', (box.y + r * h).toFixed(2));
      rect.setAttribute('width', w.toFixed(2));
      rect.setAttribute('height', h.toFixed(2));
      rect.setAttribute('fill', `rgb(${data[o]},${data[o + 1]},${data[o + 2]})`);
      if (data[o + 3] < 255) rect.setAttribute('fill-opacity', (data[o + 3] / 255).toFixed(3));
      rect.setAttribute('data-cell', `${r},${c}`);
      g.appendChild(rect);
    }
  return g;
}
