// The frame around every panel: a title, a short description and the export buttons (SVG, PNG 2×, JSON).
import { useId, useRef, useState, type ReactNode } from 'react';
import { dataToJson, download, fileStem, panelToSvg, svgToPng } from './export';
import './viz.css';

export interface PanelFrameProps {
  title: string;
  description?: ReactNode;
  /** The data behind the panel, exported as JSON. */
  data?: () => unknown;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
  children: ReactNode;
}

/** A titled panel with export buttons; everything drawn inside (SVG, canvas) goes into the figure. */
export function PanelFrame({
  title,
  description,
  data,
  headingLevel = 3,
  testId,
  children,
}: PanelFrameProps) {
  const id = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const H = `h${headingLevel}` as const;
  const stem = fileStem(title);
  const exportSvg = () => {
    if (!bodyRef.current) return;
    const { svg } = panelToSvg(bodyRef.current, title);
    download(new Blob([svg], { type: 'image/svg+xml' }), `${stem}.svg`);
  };
  const exportPng = async () => {
    if (!bodyRef.current) return;
    try {
      const { svg, width, height } = panelToSvg(bodyRef.current, title);
      download(await svgToPng(svg, width, height, 2), `${stem}.png`);
      setError(null);
    } catch (e) {
      setError(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const exportJson = () => {
    if (!data) return;
    download(
      new Blob([dataToJson({ title, ...(data() as object) })], { type: 'application/json' }),
      `${stem}.json`,
    );
  };
  return (
    <section className="viz-panel" aria-labelledby={id} data-testid={testId} data-panel-ready="true">
      <div className="viz-panel-header">
        <H id={id} className="viz-panel-title">
          {title}
        </H>
        <div className="viz-export" role="group" aria-label={`Export ${title}`}>
          <button
            type="button"
            className="btn viz-btn"
            onClick={exportSvg}
            data-testid="export-svg"
            aria-label={`Export ${title} as SVG`}
          >
            SVG
          </button>
          <button
            type="button"
            className="btn viz-btn"
            onClick={() => void exportPng()}
            data-testid="export-png"
            aria-label={`Export ${title} as PNG (2×)`}
          >
            PNG
          </button>
          {data && (
            <button
              type="button"
              className="btn viz-btn"
              onClick={exportJson}
              data-testid="export-json"
              aria-label={`Export the data of ${title} as JSON`}
            >
              JSON
            </button>
          )}
        </div>
      </div>
      {description && <div className="viz-desc">{description}</div>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div ref={bodyRef} className="viz-panel-body">
        {children}
      </div>
    </section>
  );
}
