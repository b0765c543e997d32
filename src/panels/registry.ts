// The one registry of panels: id → definition. Lessons (PanelRef), presentation mode, the
// playground and embeds all draw panels through it (LivePanel.tsx). Adding a panel = one file
// exporting `definePanel<Options>(...)` + one line here; its id and typed options follow.
import type { PanelDef } from './types';
import { heatmapPanel } from './heatmap';
import { tokenLinesPanel } from './tokenLines';
import { pipelinePanel } from './pipeline';
import { headOverviewPanel } from './headOverview';
import { maskPanel } from './mask';
import { ffnActivationsPanel, matrixPanel } from './matrix';
import { inputPanel, tokensPanel } from './input';
import { positionalPanel } from './positional';
import { ropePanel } from './rope';
import { architecturePanel } from './architecture';
import { outputBarsPanel } from './outputBars';
import { costPanel } from './cost';
import { contextWindowPanel, coverPanel, sequentialVsParallelPanel } from './illustrations';
import {
  architectureComparePanel,
  crossAlignmentPanel,
  embeddingLookupPanel,
  generationPanel,
  headSplitPanel,
  layerNormPanel,
  positionalSwitchPanel,
  predictionsPanel,
  recapPanel,
  residualStreamPanel,
  softLookupPanel,
  teacherForcingPanel,
} from './lessonWidgets';
import { trainPanel } from './train';

export const PANELS = {
  input: inputPanel,
  tokens: tokensPanel,
  'embedding-lookup': embeddingLookupPanel,
  matrix: matrixPanel,
  'positional-encoding': positionalPanel,
  rope: ropePanel,
  'positional-switch': positionalSwitchPanel,
  'attention-heatmap': heatmapPanel,
  'head-overview': headOverviewPanel,
  'attention-pipeline': pipelinePanel,
  'head-split': headSplitPanel,
  mask: maskPanel,
  'token-lines': tokenLinesPanel,
  architecture: architecturePanel,
  'output-bars': outputBarsPanel,
  'ffn-activations': ffnActivationsPanel,
  cost: costPanel,
  'sequential-vs-parallel': sequentialVsParallelPanel,
  'context-window': contextWindowPanel,
  cover: coverPanel,
  'residual-stream': residualStreamPanel,
  'layer-norm': layerNormPanel,
  'cross-alignment': crossAlignmentPanel,
  predictions: predictionsPanel,
  'teacher-forcing': teacherForcingPanel,
  generation: generationPanel,
  'architecture-compare': architectureComparePanel,
  'soft-lookup': softLookupPanel,
  recap: recapPanel,
  train: trainPanel,
} as const;

/** Every panel id. */
export type PanelId = keyof typeof PANELS;

/** The options of panel `K`, as its definition declares them. */
export type PanelOptions<K extends PanelId> = (typeof PANELS)[K] extends PanelDef<infer O> ? O : never;

/** A panel with its typed options: `{ panel: 'attention-heatmap', options: { show: 'scores' } }`. */
export type PanelSpec = { [K in PanelId]: { panel: K; options?: Readonly<PanelOptions<K>> } }[PanelId];

/** The definition of a panel id, with its options widened (the spec's pairing guarantees the match). */
export function panelDef(id: PanelId): PanelDef<object> {
  return PANELS[id] as PanelDef<object>;
}

/** Whether a string names a registered panel. */
export function isPanelId(id: string): id is PanelId {
  return Object.prototype.hasOwnProperty.call(PANELS, id);
}
