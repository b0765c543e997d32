// Draws one registered panel in a place (lesson, embed, playground) inside its own error boundary:
// a panel that throws shows its message and "Try again"; the rest of the page keeps working.
import { useAtlas } from '../store/atlas';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { panelDef, type PanelSpec } from './registry';
import type { PanelContext } from './types';

function Body({ spec, ctx }: { spec: PanelSpec; ctx: PanelContext }) {
  return <>{panelDef(spec.panel).render(spec.options ?? {}, ctx)}</>;
}

export function LivePanel({ spec, ctx }: { spec: PanelSpec; ctx: PanelContext }) {
  // A new run or another model may well draw: a caught error is cleared when either changes.
  const runId = useAtlas((s) => s.traceRunId);
  const model = useAtlas((s) => s.modelName);
  return (
    <ErrorBoundary what={`The panel “${panelDef(spec.panel).title}”`} resetKey={`${model}:${runId}`} testId="panel-error">
      <Body spec={spec} ctx={ctx} />
    </ErrorBoundary>
  );
}
