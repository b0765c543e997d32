// Export of a panel: SVG (canvases embedded as images, computed styles inlined so the file renders
// the same anywhere), PNG at 2× and the data as JSON.
import { toNested, type AnyTensor } from '../model/tensor';
import { canvasToCells } from './exportCells';

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

function inlineStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

/** A standalone SVG document of everything drawn inside `root` (its <svg>s and <canvas>es), under a title. */
export function panelToSvg(root: HTMLElement, title: string): { svg: string; width: number; height: number } {
  const box = root.getBoundingClientRect();
  const fontSize = parseFloat(getComputedStyle(root).fontSize) || 16;
  const titleBand = Math.ceil(fontSize * 2);
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height) + titleBand;
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const out = doc.documentElement;
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const rootStyle = getComputedStyle(root);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#fff');
  out.appendChild(bg);
  const heading = doc.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '0');
  heading.setAttribute('y', String(fontSize * 1.3));
  heading.setAttribute(
    'style',
    `font-family:${rootStyle.fontFamily};font-size:${fontSize * 1.1}px;font-weight:700;fill:${rootStyle.color}`,
  );
  heading.textContent = title;
  out.appendChild(heading);
  const parts = root.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg');
  for (const el of parts) {
    if (el instanceof SVGSVGElement && el.parentElement?.closest('svg')) continue; // nested
    if (el.closest('.katex, [data-export="skip"]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const x = r.left - box.left;
    const y = r.top - box.top + titleBand;
    if (el instanceof HTMLCanvasElement) {
      // Cells as vector rects when the canvas is small enough (exportCells.ts), else an image.
      const cells = canvasToCells(el, doc, { x, y, width: r.width, height: r.height });
      if (cells) {
        out.appendChild(cells);
        continue;
      }
      const img = doc.createElementNS(SVG_NS, 'image');
      img.setAttribute('x', String(x));
      img.setAttribute('y', String(y));
      img.setAttribute('width', String(r.width));
      img.setAttribute('height', String(r.height));
      img.setAttribute('preserveAspectRatio', 'none');
      img.setAttribute('style', 'image-rendering:pixelated');
      img.setAttribute('href', el.toDataURL('image/png'));
      if (el.dataset.testid) img.setAttribute('data-source', el.dataset.testid);
      out.appendChild(img);
    } else {
      const clone = el.cloneNode(true) as SVGSVGElement;
      inlineStyles(el, clone);
      clone.setAttribute('x', String(x));
      clone.setAttribute('y', String(y));
      clone.setAttribute('width', String(r.width));
      clone.setAttribute('height', String(r.height));
      clone.removeAttribute('class');
      out.appendChild(doc.importNode(clone, true));
    }
  }
  // Formulas are HTML (KaTeX): the figure carries their LaTeX source as text in their place.
  for (const tex of root.querySelectorAll<HTMLElement>('.tex[data-latex]')) {
    const r = tex.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || tex.closest('[data-export="skip"]')) continue;
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(r.left - box.left));
    text.setAttribute('y', String(r.top - box.top + titleBand + r.height / 2));
    text.setAttribute('dominant-baseline', 'central');
    text.setAttribute('data-latex', '');
    text.setAttribute(
      'style',
      `font-family:${getComputedStyle(document.body).getPropertyValue('--mono') || 'monospace'};font-size:${Math.round(fontSize * 0.8)}px;fill:${rootStyle.color}`,
    );
    text.textContent = tex.dataset.latex ?? '';
    out.appendChild(text);
  }
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

/** Renders an SVG document to a PNG at `scale`× its size. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2-D canvas context');
    ctx.imageSmoothingEnabled = false;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function isTensor(v: unknown): v is AnyTensor {
  return (
    typeof v === 'object' &&
    v !== null &&
    'shape' in v &&
    'data' in v &&
    ArrayBuffer.isView((v as AnyTensor).data)
  );
}

/** JSON for a panel's data: tensors become {shape, values: nested arrays}, typed arrays plain arrays. */
export function dataToJson(data: unknown): string {
  return JSON.stringify(
    data,
    (_key, v: unknown) => {
      if (isTensor(v)) return { shape: [...v.shape], values: toNested(v) };
      if (ArrayBuffer.isView(v) && !(v instanceof DataView))
        return Array.from(v as unknown as ArrayLike<number>);
      return v;
    },
    2,
  );
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name stem from a title: "Attention weights, head 1" → "attention-weights-head-1". */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'panel'
  );
}
