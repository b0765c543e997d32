// Layout of the architecture diagrams (encoder-decoder, encoder-only, decoder-only; pre- and post-norm):
// which blocks, in which order, in which column. Pure, so it is unit-tested.
import type { Arch, NormPlacement, Positional } from '../model/config';

export type ArchKind = Arch;
export type { NormPlacement };
export type PositionalKind = Positional;

/** Ids of selectable stages, e.g. "embedding", "encoder.selfAttention", "decoder.norm3", "deembedding". */
export type ArchStage = string;

export interface ArchBlock {
  /** Stage id (selectable), or null for a residual junction. */
  id: ArchStage | null;
  label: string;
  kind: 'embed' | 'attention' | 'norm' | 'ffn' | 'residual' | 'output';
  column: 0 | 1;
  row: number;
}

function stackBlocks(
  stack: 'encoder' | 'decoder',
  cross: boolean,
  norm: NormPlacement,
  column: 0 | 1,
  start: number,
  rope: boolean,
): ArchBlock[] {
  const out: ArchBlock[] = [];
  let row = start;
  const add = (id: string | null, label: string, kind: ArchBlock['kind']) =>
    out.push({ id, label, kind, column, row: row++ });
  const masked = stack === 'decoder' ? 'Masked self-attention' : 'Self-attention';
  const sub: [string, string, ArchBlock['kind']][] = [
    [`${stack}.selfAttention`, masked + (rope ? ' (RoPE)' : ''), 'attention'],
  ];
  if (cross) sub.push([`${stack}.crossAttention`, 'Cross-attention', 'attention']);
  sub.push([`${stack}.ffn`, 'Feed-forward', 'ffn']);
  sub.forEach(([id, label, kind], i) => {
    const normId = `${stack}.norm${i + 1}`;
    if (norm === 'pre') {
      add(normId, 'LayerNorm', 'norm');
      add(id, label, kind);
      add(null, '⊕ residual', 'residual');
    } else {
      add(id, label, kind);
      add(normId, 'Add & LayerNorm', 'norm');
    }
  });
  return out;
}

/** The blocks of an architecture, top (input) to bottom (output). */
export function architectureBlocks(
  arch: ArchKind,
  norm: NormPlacement,
  positional: PositionalKind = 'sinusoidal',
): ArchBlock[] {
  const rope = positional === 'rope';
  const blocks: ArchBlock[] = [];
  const embed = (column: 0 | 1) => {
    blocks.push({ id: 'embedding', label: 'Token embedding × √dModel', kind: 'embed', column, row: 0 });
    if (positional === 'sinusoidal' || positional === 'learned')
      blocks.push({
        id: 'positional',
        label: positional === 'learned' ? '+ learned positions' : '+ sinusoidal positions',
        kind: 'embed',
        column,
        row: 1,
      });
  };
  const first = positional === 'sinusoidal' || positional === 'learned' ? 2 : 1;
  if (arch === 'encoder-decoder') {
    embed(0);
    embed(1);
    blocks.push(...stackBlocks('encoder', false, norm, 0, first, rope));
    blocks.push(...stackBlocks('decoder', true, norm, 1, first, rope));
  } else {
    embed(0);
    blocks.push(...stackBlocks(arch === 'encoder-only' ? 'encoder' : 'decoder', false, norm, 0, first, rope));
  }
  const outColumn = arch === 'encoder-decoder' ? 1 : 0;
  let row = Math.max(...blocks.filter((b) => b.column === outColumn).map((b) => b.row)) + 1;
  if (norm === 'pre')
    blocks.push({ id: 'finalNorm', label: 'Final LayerNorm', kind: 'norm', column: outColumn, row: row++ });
  blocks.push({
    id: 'deembedding',
    label: 'Linear → vocabulary (logits)',
    kind: 'output',
    column: outColumn,
    row: row++,
  });
  blocks.push({ id: 'softmax', label: 'Softmax → probabilities', kind: 'output', column: outColumn, row });
  // In an encoder-decoder the embedding (shared) appears in both columns, with the same stage id.
  return blocks;
}

/** A residual (skip) connection: from the input of a sublayer to where it is added back. */
export interface Residual {
  column: 0 | 1;
  /** Row whose top edge the skip leaves from (the sublayer, or its LayerNorm in pre-norm). */
  fromRow: number;
  /** Row of the addition (the "⊕ residual" junction in pre-norm, the "Add & LayerNorm" in post-norm). */
  toRow: number;
}

/** The residual connections of a block list (one per sublayer). */
export function residualsOf(blocks: readonly ArchBlock[]): Residual[] {
  const out: Residual[] = [];
  for (const b of blocks) {
    if (b.kind !== 'attention' && b.kind !== 'ffn') continue;
    const before = blocks.find((x) => x.column === b.column && x.row === b.row - 1);
    const after = blocks.find((x) => x.column === b.column && x.row === b.row + 1);
    if (!after) continue;
    const pre = before?.kind === 'norm' && after.kind === 'residual';
    out.push({ column: b.column, fromRow: pre ? b.row - 1 : b.row, toRow: after.row });
  }
  return out;
}
