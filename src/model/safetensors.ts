// safetensors reading and writing (https://github.com/huggingface/safetensors): an 8-byte
// little-endian header length N, N bytes of JSON header, then the raw little-endian data.
// F32 is read and written; F16 and BF16 are read and widened to F32.
import { ModelFileError } from './errors';
import { sizeOf, type Tensor } from './tensor';

export type DType = 'F32' | 'F16' | 'BF16';
// A Map, not an object: a dtype read from a file is looked up among its own entries only, so
// "__proto__", "toString" or "constructor" are unknown dtypes like any other name.
const BYTES_PER_ELEMENT: ReadonlyMap<string, number> = new Map<DType, number>([['F32', 4], ['F16', 2], ['BF16', 2]]);
const bytesPerElement = (dtype: DType) => BYTES_PER_ELEMENT.get(dtype)!;

/** The contents of a safetensors file: every tensor widened to F32, and the string metadata. */
export interface SafetensorsFile {
  tensors: Map<string, Tensor>;
  metadata: Record<string, string>;
}

function fail(message: string): never {
  throw new ModelFileError(message);
}

/** Widens one IEEE 754 half-precision value (as its 16 bits) to a number. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024); // subnormal
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Whether this machine stores numbers little-endian, as safetensors does (every browser today). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function decodeData(dtype: DType, bytes: Uint8Array, begin: number, count: number): Float32Array {
  // F32 on a little-endian machine: the bytes already are the floats; copying them into a fresh,
  // aligned buffer is all there is to do.
  if (dtype === 'F32' && LITTLE_ENDIAN) return new Float32Array(bytes.slice(begin, begin + 4 * count).buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset + begin, count * bytesPerElement(dtype));
  const out = new Float32Array(count); // the tensor's elements, flat row-major
  if (dtype === 'F32') {
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, true);
  } else if (dtype === 'F16') {
    for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(2 * i, true));
  } else {
    // bfloat16 is the top half of a float32: shift its bits into place.
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) bits[i] = view.getUint16(2 * i, true) << 16;
  }
  return out;
}

function isShape(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0);
}

/** Parses a safetensors file; throws ModelFileError naming what is malformed. */
export function readSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (bytes.length < 8)
    fail(`file too short (${bytes.length} bytes): a safetensors file starts with an 8-byte header length`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (headerLength === 0n || headerLength > BigInt(bytes.length - 8))
    fail(
      `bad header length: ${headerLength} bytes, but the file has ${bytes.length - 8} bytes after the length field`,
    );
  const n = Number(headerLength);

  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch {
    fail('header is not valid JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    fail('header is not a JSON object');

  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const tensors = new Map<string, Tensor>();
  const metadata: Record<string, string> = {};

  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        fail('__metadata__ is not an object');
      for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof value !== 'string') fail(`__metadata__.${key} is not a string`);
        metadata[key] = value;
      }
      continue;
    }
    if (typeof entry !== 'object' || entry === null) fail(`tensor ${name}: entry is not an object`);
    const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
    if (typeof dtype !== 'string' || !BYTES_PER_ELEMENT.has(dtype))
      fail(`tensor ${name}: unknown dtype ${JSON.stringify(dtype)} (supported: F32, F16, BF16)`);
    if (!isShape(shape)) fail(`tensor ${name}: shape is not a list of non-negative integers`);
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((o) => Number.isInteger(o) && o >= 0)
    )
      fail(`tensor ${name}: data_offsets must be [begin, end]`);
    const [begin, end] = offsets as [number, number];
    if (begin > end || end > dataLength)
      fail(
        `tensor ${name}: data_offsets [${begin}, ${end}] lie outside the data buffer (${dataLength} bytes)`,
      );
    const count = sizeOf(shape);
    const d = dtype as DType;
    if (end - begin !== count * bytesPerElement(d))
      fail(
        `tensor ${name}: data_offsets span ${end - begin} bytes, but shape [${shape.join(', ')}] of ${d} needs ${count * bytesPerElement(d)}`,
      );
    tensors.set(name, { data: decodeData(d, bytes, dataStart + begin, count), shape });
  }
  return { tensors, metadata };
}

/** Serialises F32 tensors (in the order given) and string metadata as a safetensors file. */
export function writeSafetensors(
  tensors: Iterable<readonly [string, Tensor]>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const list = [...tensors];
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const [name, t] of list) {
    if (t.data.length !== sizeOf(t.shape))
      throw new Error(`tensor ${name}: data length does not match its shape`);
    header[name] = { dtype: 'F32', shape: [...t.shape], data_offsets: [offset, offset + 4 * t.data.length] };
    offset += 4 * t.data.length;
  }
  let json = JSON.stringify(header);
  // Pad the header with spaces so the data starts 8-byte aligned, as the reference writer does.
  const encoder = new TextEncoder();
  while ((8 + encoder.encode(json).length) % 8 !== 0) json += ' ';
  const headerBytes = encoder.encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset); // length field, header, data
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let p = 8 + headerBytes.length;
  for (const [, t] of list) {
    for (let i = 0; i < t.data.length; i++, p += 4) view.setFloat32(p, t.data[i], true);
  }
  return out;
}
