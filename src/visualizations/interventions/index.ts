// Look inside and intervene: the token journey, the logit lens, ablation and patching views.
export { buildJourney, getterOf, lensTable, lastStackOf, topTokens, type Journey, type TraceGetter } from './journey';
export { JourneyView, type JourneyViewProps } from './JourneyView';
export { LensTable, type LensTableProps } from './LensTable';
export { SweepGrid, sweepRows, type SweepGridProps } from './SweepGrid';
export { DiffHeatmaps, type DiffHeatmapsProps } from './DiffHeatmaps';
export { InterventionBanner, type InterventionBannerProps } from './InterventionBanner';
export { AblationPicker, type AblationPickerProps } from './AblationPicker';
