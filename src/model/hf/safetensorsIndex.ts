// safetensors read tensor by tensor: parse the header of one file (from its first bytes), list each
// tensor's absolute byte range, then decode ranges one at a time — so the browser can File.slice or
// range-fetch a 500 MB checkpoint without ever holding it whole. Also the shard index of big models.
import { ModelFileError } from '../errors';
import { decodeData, type DType } from '../safetensors';
import { sizeOf, type Tensor } from '../tensor';

const BYTES: Record<DType, number> = { F32: 4, F16: 2, BF16: 2 };

/** One tensor of a file: where its bytes are (absolute offsets into the file) and what they hold. */
export interface TensorEntry {
  name: string;
  dtype: DType;
  shape: number[];
  begin: number;
  end: number;
}

/** The header length from a file's first 8 bytes; refuses an impossible one. */
export function headerLength(file: string, first8: Uint8Array, fileSize: number): number {
  if (first8.length < 8 || fileSize < 8)
    throw new ModelFileError(`${file} is too short to be a safetensors file`);
  const n = Number(new DataView(first8.buffer, first8.byteOffset, 8).getBigUint64(0, true));
  if (n === 0 || n > fileSize - 8)
    throw new ModelFileError(`${file} is truncated or not a safetensors file: its header claims ${n} bytes`);
  return n;
}

/** Lists the tensors of one file from its header bytes; a tensor past the end means a truncated file. */
export function tensorEntries(file: string, header: Uint8Array, fileSize: number): TensorEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(header));
  } catch {
    throw new ModelFileError(`${file} has a header that is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ModelFileError(`${file} has a header that is not a JSON object`);
  const dataStart = 8 + header.length;
  const entries: TensorEntry[] = [];
  for (const [name, raw] of Object.entries(parsed as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    const { dtype, shape, data_offsets: off } = (raw ?? {}) as Record<string, unknown>;
    if (typeof dtype !== 'string' || !(dtype in BYTES))
      throw new ModelFileError(
        `${file}: tensor ${name} has dtype ${JSON.stringify(dtype)}, and only F32, F16 and BF16 are supported`,
      );
    if (!Array.isArray(shape) || !shape.every((x) => Number.isInteger(x) && x >= 0))
      throw new ModelFileError(`${file}: tensor ${name} has no valid shape`);
    if (
      !Array.isArray(off) ||
      off.length !== 2 ||
      !off.every((x) => Number.isInteger(x) && x >= 0) ||
      off[0] > off[1]
    )
      throw new ModelFileError(`${file}: tensor ${name} has no valid data_offsets`);
    const d = dtype as DType;
    const [b, e] = off as [number, number];
    if (e - b !== sizeOf(shape as number[]) * BYTES[d])
      throw new ModelFileError(
        `${file}: tensor ${name} spans ${e - b} bytes, but its shape needs ${sizeOf(shape as number[]) * BYTES[d]}`,
      );
    if (dataStart + e > fileSize)
      throw new ModelFileError(
        `${file} is truncated: it has ${fileSize} bytes, but tensor ${name} ends at byte ${dataStart + e}`,
      );
    entries.push({ name, dtype: d, shape: shape as number[], begin: dataStart + b, end: dataStart + e });
  }
  return entries;
}

/** Decodes one tensor from exactly its bytes (F16 and BF16 widened to F32). */
export function decodeEntry(entry: TensorEntry, bytes: Uint8Array): Tensor {
  return { data: decodeData(entry.dtype, bytes, 0, sizeOf(entry.shape)), shape: entry.shape };
}

/** The shard files named by model.safetensors.index.json, in order of first use. */
export function shardFiles(indexText: string): string[] {
  let index: unknown;
  try {
    index = JSON.parse(indexText);
  } catch {
    throw new ModelFileError('model.safetensors.index.json is not valid JSON');
  }
  const map = (index as { weight_map?: unknown } | null)?.weight_map;
  if (typeof map !== 'object' || map === null || Array.isArray(map))
    throw new ModelFileError('model.safetensors.index.json has no "weight_map"');
  const files = [...new Set(Object.values(map as Record<string, unknown>))];
  if (files.length === 0 || !files.every((f) => typeof f === 'string' && /^[\w.-]+\.safetensors$/.test(f)))
    throw new ModelFileError('model.safetensors.index.json names no valid .safetensors shard');
  return files as string[];
}
