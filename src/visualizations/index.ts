// The visualization kit: panels that take plain data (tensors from the trace, token labels, the selected
// head…), so lessons, the playground and embeds can feed them from the store or from fixtures.
export { AttentionHeatmap, type AttentionHeatmapProps } from './AttentionHeatmap';
export { HeadOverview, ModelOverview, type HeadOverviewProps, type ModelOverviewProps } from './Overviews';
export { TokenLines, HEAD_COLOURS, type TokenLinesProps } from './TokenLines';
export { MatrixView, type MatrixViewProps } from './MatrixView';
export {
  AttentionPipeline,
  PIPELINE_STAGES,
  PIPELINE_FORMULAS,
  pipelineStages,
  type PipelineStage,
  type PipelineTensors,
  type AttentionPipelineProps,
} from './AttentionPipeline';
export { MaskDiagram, type MaskDiagramProps } from './MaskDiagram';
export {
  SinusoidalPanel,
  PositionSimilarity,
  type SinusoidalPanelProps,
  type PositionSimilarityProps,
} from './PositionalPanels';
export { RopePanel, type RopePanelProps } from './RopePanel';
export { ArchitectureDiagram, type ArchitectureDiagramProps } from './ArchitectureDiagram';
export { architectureBlocks, type ArchStage, type ArchKind } from './architecture';
export { OutputBars, topTokens, type OutputBarsProps } from './OutputBars';
export { CostPlot, costAt, type CostPlotProps } from './CostPlot';
export { CellMap, type CellMapProps } from './CellMap';
export { PanelFrame, type PanelFrameProps } from './PanelFrame';
export { LinePlot, type LinePlotProps, type Series } from './LinePlot';
export { Legend } from './Legend';
export { sequentialScale, divergingScale, type ColourScale } from './scales';
export { panelToSvg, svgToPng, dataToJson } from './export';
