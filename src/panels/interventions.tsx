// `journey`, `logit-lens`, `ablation`, `patching`: the store wiring of the intervention views
// (src/visualizations/interventions). Each reads the live run and the intervention slice, and writes
// back through the store's actions only (docs/interventions.md).
import { useEffect, useMemo } from 'react';
import { allHeads, formatHeadRef } from '../model/interventions';
import type { ModelConfig } from '../model/config';
import type { IntTensor } from '../model/tensor';
import { parseTraceKey, tracePath } from '../model/trace';
import { useAtlas } from '../store/atlas';
import { atlasActions } from '../store/runtime';
import { piecesOf, selectModelInfo, useTraceTensor } from '../store/selectors';
import {
  AblationPicker,
  DiffHeatmaps,
  InterventionBanner,
  JourneyView,
  LensTable,
  SweepGrid,
  buildJourney,
  getterOf,
  lastStackOf,
  lensTable,
} from '../visualizations/interventions';
import { LiveState } from './LiveState';
import { definePanel, type PanelContext } from './types';

/** The banner of an intervened run, with one-click restore (nothing when the run is clean). */
export function LiveInterventionBanner() {
  const ablate = useAtlas((s) => s.ablate);
  const heads = useMemo(() => ablate.map(formatHeadRef), [ablate]);
  return <InterventionBanner heads={heads} onRestore={() => useAtlas.getState().restoreClean()} />;
}

/** Turns the logit lens on for the runs while a panel that shows it is on screen. */
function useLens() {
  const lens = useAtlas((s) => s.lens);
  useEffect(() => {
    if (!lens) useAtlas.getState().setLens(true);
  }, [lens]);
}

/** Tokens of the stack feeding the de-embedding, and the followed position (default: the last, or a <mask>). */
function usePosition() {
  const info = useAtlas(selectModelInfo);
  const stack = lastStackOf(info?.arch ?? 'decoder-only');
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens'));
  const chosen = useAtlas((s) => s.position);
  const tokens = useMemo(() => piecesOf(ids, info?.vocab), [ids, info]);
  const masked = tokens.indexOf('<mask>');
  const fallback = masked >= 0 ? masked : tokens.length - 1;
  const position = chosen !== null && chosen < tokens.length ? chosen : fallback;
  return { info, stack, tokens, position };
}

/** Which position the journey, the lens and the sweep follow. */
function PositionPicker({
  tokens,
  position,
  decoder,
}: {
  tokens: string[];
  position: number;
  decoder: boolean;
}) {
  return (
    <label className="journey-row">
      {decoder ? 'Follow the position predicting the next token after:' : 'Follow the token at:'}
      <select
        value={position}
        onChange={(e) => useAtlas.getState().setPosition(Number(e.target.value))}
        data-testid="journey-position"
      >
        {tokens.map((t, i) => (
          <option key={i} value={i}>
            {i}: {t}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One token's journey through the live model. */
export function JourneyPanel({ ctx }: { ctx: PanelContext }) {
  useLens();
  const { info, tokens, position } = usePosition();
  const trace = useAtlas((s) => s.trace);
  const ablate = useAtlas((s) => s.ablate);
  const journey = useMemo(
    () => (info && tokens.length ? buildJourney(getterOf(trace), info.arch, info.vocab, position) : null),
    [trace, info, tokens, position],
  );
  const ablated = useMemo(() => new Set(ablate.map(formatHeadRef)), [ablate]);
  return (
    <LiveState ready={!!journey}>
      {info && tokens.length > 0 && (
        <PositionPicker tokens={tokens} position={position} decoder={info.arch !== 'encoder-only'} />
      )}
      {journey && info && (
        <JourneyView
          journey={journey}
          arch={info.arch}
          norm={info.config.norm === 'pre' ? 'pre' : 'post'}
          positional={info.config.positional}
          ablated={ablated}
          testId={ctx.testId('journey')}
        />
      )}
    </LiveState>
  );
}

/** The logit lens of the live run at the followed position. */
export function LensPanel({ ctx }: { ctx: PanelContext }) {
  useLens();
  const { info, stack, tokens, position } = usePosition();
  const trace = useAtlas((s) => s.trace);
  const rows = useMemo(
    () => (info ? lensTable(getterOf(trace), info.arch, info.vocab, position) : []),
    [trace, info, position],
  );
  return (
    <LiveState ready={rows.length > 0}>
      {info && tokens.length > 0 && (
        <PositionPicker tokens={tokens} position={position} decoder={info.arch !== 'encoder-only'} />
      )}
      {rows.length > 0 && (
        <LensTable
          rows={rows}
          token={tokens[position]}
          position={position}
          stack={stack}
          testId={ctx.testId('lens')}
        />
      )}
    </LiveState>
  );
}

/** Choose heads to knock out; the banner marks the run and restores it. */
export function AblationPanel({ banner = true }: { banner?: boolean }) {
  const info = useAtlas(selectModelInfo);
  const ablate = useAtlas((s) => s.ablate);
  const heads = useMemo(() => (info ? allHeads(info.config as unknown as ModelConfig) : []), [info]);
  return (
    <LiveState ready={!!info}>
      {banner && <LiveInterventionBanner />}
      {info && (
        <AblationPicker
          heads={heads}
          selected={ablate}
          onToggle={(h) => useAtlas.getState().toggleAblate(h)}
        />
      )}
    </LiveState>
  );
}

/** A clean/corrupted pair, the patching sweep over every head, and the two-input diff. */
export function PatchingPanel({ diff = true }: { diff?: boolean }) {
  const info = useAtlas(selectModelInfo);
  const corrupt = useAtlas((s) => s.corrupt);
  const clean = useAtlas((s) => (info?.arch === 'encoder-decoder' ? s.src : s.text));
  const sweep = useAtlas((s) => s.sweep);
  const pair = info?.arch === 'encoder-decoder';
  const trace = useAtlas((s) => s.trace);
  // Axis labels: position and the clean input's token there (the corrupted run differs at some of them).
  const labels = (key: string) => {
    if (sweep?.status !== 'done' || !info) return { rows: [], cols: [] };
    const w = sweep.weights.find((x) => x.key === key)!;
    const [, Sq, Sk] = w.clean.shape;
    const path = parseTraceKey(key);
    const stack = path?.kind === 'attention' ? path.stack : 'decoder';
    const keyStack = path?.kind === 'attention' && path.attention === 'crossAttention' ? 'encoder' : stack;
    const named = (st: 'encoder' | 'decoder', k: number) => {
      const t = piecesOf(getterOf(trace)(tracePath.stack(st, 'tokens')) as IntTensor | undefined, info.vocab);
      return Array.from({ length: k }, (_, i) => `${i}: ${t[i] ?? ''}`);
    };
    return { rows: named(stack, Sq), cols: named(keyStack, Sk) };
  };
  return (
    <LiveState ready={!!info}>
      <div
        data-testid="patching-root"
        data-sweep-id={sweep?.id ?? 0}
        data-sweep-status={sweep?.status ?? 'none'}
        data-sweep-ms={sweep?.status === 'done' ? sweep.ms.toFixed(2) : undefined}
      >
        <div className="iv-pair">
          <label>
            Clean {pair ? 'source' : 'input'} (the model's current input):{' '}
            <input value={clean} readOnly aria-readonly="true" data-testid="patch-clean" />
          </label>
          <label>
            Corrupted {pair ? 'source' : 'input'}, the same number of tokens:{' '}
            <input
              value={corrupt}
              onChange={(e) => useAtlas.getState().setCorrupt(e.target.value)}
              data-testid="patch-corrupt"
            />
          </label>
          <div>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => atlasActions.sweep()}
              disabled={!info || sweep?.status === 'running'}
              data-testid="run-sweep"
            >
              {sweep?.status === 'running' ? 'Patching every head…' : 'Patch every head (sweep)'}
            </button>
          </div>
        </div>
        {sweep?.status === 'error' && (
          <p className="error" role="status" data-testid="sweep-error">
            {sweep.message}
          </p>
        )}
        {sweep?.status === 'done' && info && (
          <>
            <SweepGrid
              result={sweep.result}
              vocab={info.vocab}
              clean={sweep.clean}
              corrupted={sweep.corrupted}
              ms={sweep.ms}
            />
            {diff && <DiffHeatmaps weights={sweep.weights} labels={labels} />}
          </>
        )}
      </div>
    </LiveState>
  );
}

export const journeyPanel = definePanel({
  title: 'One token through the model',
  selfTitled: true,
  render: (_o, ctx) => <JourneyPanel ctx={ctx} />,
});
export const logitLensPanel = definePanel({
  title: 'Logit lens',
  selfTitled: true,
  render: (_o, ctx) => <LensPanel ctx={ctx} />,
});
export const ablationPanel = definePanel<{
  /** Show the intervened-run banner (off where the page has its own). */ banner?: boolean;
}>({
  title: 'Knock out heads',
  render: (o) => <AblationPanel banner={o.banner ?? true} />,
});
export const patchingPanel = definePanel<{
  /** Also draw the two-input diff of every layer and head. */ diff?: boolean;
}>({
  title: 'Patch heads from a second input',
  render: (o) => <PatchingPanel diff={o.diff ?? true} />,
});
