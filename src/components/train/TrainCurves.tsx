// The loss and exact-match curves of a run, train and held-out, each in a panel with SVG/PNG/JSON
// export. Batch losses are averaged into at most MAX_POINTS buckets so a long run draws fast.
import { memo, useMemo } from 'react';
import { LinePlot, type Series } from '../../visualizations/LinePlot';
import { PanelFrame } from '../../visualizations/PanelFrame';
import type { RunView } from '../../store/trainRun';

const MAX_POINTS = 300;

/** Means of consecutive buckets, so n values become at most `max` points. */
export function bucketMeans(
  x: readonly number[],
  y: readonly number[],
  max = MAX_POINTS,
): { x: number[]; y: number[] } {
  const size = Math.max(1, Math.ceil(y.length / max));
  const outX: number[] = [];
  const outY: number[] = [];
  for (let i = 0; i < y.length; i += size) {
    let sum = 0;
    const end = Math.min(y.length, i + size);
    for (let j = i; j < end; j++) sum += y[j];
    outX.push(x[end - 1]);
    outY.push(sum / (end - i));
  }
  return { x: outX, y: outY };
}

/** Loss (batch and held-out) and exact match (train and held-out) against steps. */
export const TrainCurves = memo(
  function TrainCurves({
    view,
    width = 420,
  }: {
    view: RunView;
    width?: number;
    lossCount: number;
    evalCount: number;
  }) {
    const { version } = view;
    const lossSeries = useMemo<Series[]>(() => {
      void version; // the arrays grow in place; the version says when
      const batch = bucketMeans(view.lossSteps, view.losses);
      return [
        { name: 'batch loss', ...batch },
        { name: 'held-out loss', x: view.evals.map((e) => e.step), y: view.evals.map((e) => e.heldOutLoss) },
      ];
    }, [version, view.lossSteps, view.losses, view.evals]);
    const accSeries = useMemo<Series[]>(() => {
      void version;
      return [
        { name: 'train', x: view.evals.map((e) => e.step), y: view.evals.map((e) => 100 * e.trainAcc) },
        { name: 'held-out', x: view.evals.map((e) => e.step), y: view.evals.map((e) => 100 * e.heldOutAcc) },
      ];
    }, [version, view.evals]);
    const last = view.evals.at(-1);
    return (
      <div className="train-curves">
        <PanelFrame
          title="Loss"
          testId="train-loss-panel"
          description="Cross-entropy per scored token: the batch being trained on, and 200 held-out words."
          data={() => ({ steps: view.lossSteps, batchLoss: view.losses, evals: view.evals })}
        >
          <LinePlot
            series={lossSeries}
            xLabel="step"
            yLabel="loss (nats)"
            label="Loss against training step: batch loss and held-out loss"
            width={width}
            testId="train-loss-plot"
          />
        </PanelFrame>
        <PanelFrame
          title="Exact match"
          testId="train-acc-panel"
          description={
            <span>
              Share of words output exactly right (greedy): 200 training words and 200 held-out words never
              trained on.{' '}
              {last && (
                <span data-testid="train-acc-now" data-held-out={last.heldOutAcc.toFixed(3)}>
                  Now: train {(100 * last.trainAcc).toFixed(1)}%, held-out{' '}
                  <strong>{(100 * last.heldOutAcc).toFixed(1)}%</strong> (step {last.step}).
                </span>
              )}
            </span>
          }
          data={() => ({ evals: view.evals })}
        >
          <LinePlot
            series={accSeries}
            xLabel="step"
            yLabel="exact match (%)"
            yDomain={[0, 100]}
            label="Exact match against training step, train and held-out"
            width={width}
            testId="train-acc-plot"
          />
        </PanelFrame>
      </div>
    );
  },
  // re-render only when losses or evaluations arrive (the arrays grow in place: compare counts
  // taken at render time), or after a reset (new arrays)
  (a, b) =>
    a.width === b.width &&
    a.lossCount === b.lossCount &&
    a.evalCount === b.evalCount &&
    a.view.lossSteps === b.view.lossSteps,
);
