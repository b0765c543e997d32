// Panels made for one lesson each (their components live in src/components/lesson/widgets and
// read the store themselves): embedding lookup, head split, the positional switch, and lessons 8–14.
import { EmbeddingLookup } from '../components/lesson/widgets/EmbeddingLookup';
import { HeadSplit } from '../components/lesson/widgets/HeadSplit';
import { PositionalSwitch } from '../components/lesson/widgets/PositionalSwitch';
import { ResidualStream } from '../components/lesson/widgets/ResidualStream';
import { LayerNormStats } from '../components/lesson/widgets/LayerNormStats';
import { CrossAlignment } from '../components/lesson/widgets/CrossAlignment';
import { Predictions } from '../components/lesson/widgets/Predictions';
import { TeacherForcing } from '../components/lesson/widgets/TeacherForcing';
import { Generation } from '../components/lesson/widgets/Generation';
import { ArchitectureCompare } from '../components/lesson/widgets/ArchitectureCompare';
import { SoftLookup } from '../components/lesson/widgets/SoftLookup';
import { CourseRecap } from '../components/lesson/widgets/CourseRecap';
import { definePanel } from './types';

export const embeddingLookupPanel = definePanel<{ show?: 'one-hot' | 'row' }>({
  title: 'Embedding lookup',
  render: (o) => <EmbeddingLookup show={o.show ?? 'row'} />,
});

export const headSplitPanel = definePanel({ title: 'One big matmul vs one per head', render: () => <HeadSplit /> });

export const positionalSwitchPanel = definePanel({ title: 'Positional scheme', render: () => <PositionalSwitch /> });

/** Mean and σ of every token's stream entering and leaving each layer (`compare`: with and without residuals). */
export const residualStreamPanel = definePanel<{ compare?: boolean }>({
  title: 'The residual stream, layer by layer',
  render: (o) => <ResidualStream compare={o.compare === true} />,
});

/** One token before and after LayerNorm, with its statistics. */
export const layerNormPanel = definePanel({ title: 'LayerNorm on one token', render: () => <LayerNormStats /> });

/** Each output character and where its cross-attention looks in the source. */
export const crossAlignmentPanel = definePanel({ title: 'Where each output character looks', render: () => <CrossAlignment /> });

/** Probabilities at one position; temperature, top-k and sampling. */
export const predictionsPanel = definePanel<{ position?: 'last' | 'mask' | 'choose'; sampling?: boolean; pair?: boolean }>({
  title: 'Next-token probabilities',
  render: (o) => <Predictions position={o.position ?? 'last'} sampling={o.sampling === true} pair={o.pair === true} />,
});

/** One pass over the shifted target: prediction vs the teacher's next token. */
export const teacherForcingPanel = definePanel({ title: 'Teacher forcing: every position at once', render: () => <TeacherForcing /> });

/** Generate one token at a time and feed it back. */
export const generationPanel = definePanel({ title: 'Generation: one token at a time', render: () => <Generation /> });

/** The three families side by side, or (`live`) the loaded model's own diagram. */
export const architectureComparePanel = definePanel<{ live?: boolean }>({
  title: 'Architectures',
  render: (o) => <ArchitectureCompare live={o.live === true} />,
});

/** Attention as a soft dictionary lookup, for one query. */
export const softLookupPanel = definePanel({ title: 'Attention as a soft lookup', render: () => <SoftLookup /> });

/** Links back to every lesson. */
export const recapPanel = definePanel({ title: 'The whole course', render: () => <CourseRecap /> });
