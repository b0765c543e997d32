// safetensors: a write → read round trip, F16/BF16 widening, and every malformed file refused
// with a message naming what is wrong.
import { describe, expect, it } from 'vitest';
import { ModelFileError } from './errors';
import { halfToFloat, readSafetensors, writeSafetensors } from './safetensors';

/** A file from a raw header object and data bytes. */
function fileOf(header: unknown, data: Uint8Array = new Uint8Array(0), headerText?: string): Uint8Array {
  const json = new TextEncoder().encode(headerText ?? JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

const refuses = (bytes: Uint8Array, message: RegExp) => {
  expect(() => readSafetensors(bytes)).toThrow(ModelFileError);
  expect(() => readSafetensors(bytes)).toThrow(message);
};

describe('safetensors', () => {
  it('write → read round trip keeps names, shapes, values and metadata', () => {
    const a = { data: Float32Array.from([1.5, -2, 3.25, 1e-30, 7, 8]), shape: [2, 3] };
    const b = { data: Float32Array.from([Math.PI]), shape: [1] };
    const empty = { data: new Float32Array(0), shape: [0, 4] };
    const bytes = writeSafetensors(
      [
        ['layer.weight', a],
        ['bias', b],
        ['empty', empty],
      ],
      { config: '{"x":1}', note: 'é' },
    );
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + headerLength) % 8).toBe(0); // data aligned
    const { tensors, metadata } = readSafetensors(bytes);
    expect(metadata).toEqual({ config: '{"x":1}', note: 'é' });
    expect([...tensors.keys()]).toEqual(['layer.weight', 'bias', 'empty']);
    expect(tensors.get('layer.weight')).toEqual(a);
    expect(tensors.get('bias')!.data[0]).toBe(Math.fround(Math.PI));
    expect(tensors.get('empty')!.shape).toEqual([0, 4]);
  });

  it('reads from a view into a larger, unaligned buffer', () => {
    const bytes = writeSafetensors([['t', { data: Float32Array.from([1, 2, 3]), shape: [3] }]]);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect([...readSafetensors(padded.subarray(3)).tensors.get('t')!.data]).toEqual([1, 2, 3]);
  });

  it('widens F16 and BF16 to F32', () => {
    const f16 = new Uint8Array(10);
    const v16 = new DataView(f16.buffer);
    [0x3c00, 0xc000, 0x3800, 0x0001, 0x7bff].forEach((h, i) => v16.setUint16(2 * i, h, true));
    const bf16 = new Uint8Array(6);
    const vb = new DataView(bf16.buffer);
    [0x3f80, 0xc020, 0x4049].forEach((h, i) => vb.setUint16(2 * i, h, true));
    const data = new Uint8Array(16);
    data.set(f16, 0);
    data.set(bf16, 10);
    const file = fileOf(
      {
        h: { dtype: 'F16', shape: [5], data_offsets: [0, 10] },
        b: { dtype: 'BF16', shape: [3], data_offsets: [10, 16] },
      },
      data,
    );
    const { tensors } = readSafetensors(file);
    expect([...tensors.get('h')!.data]).toEqual([1, -2, 0.5, 2 ** -24, 65504]);
    expect([...tensors.get('b')!.data]).toEqual([1, -2.5, 3.140625]);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
  });

  it('refuses a file shorter than the length field', () => refuses(new Uint8Array(5), /file too short/));
  it('refuses a header length beyond the file', () => {
    const bytes = fileOf({});
    new DataView(bytes.buffer).setBigUint64(0, 1n << 40n, true);
    refuses(bytes, /bad header length: 1099511627776 bytes/);
  });
  it('refuses a zero header length', () => refuses(new Uint8Array(8), /bad header length: 0/));
  it('refuses a header that is not JSON', () =>
    refuses(fileOf(null, undefined, '{"a": [1,'), /header is not valid JSON/));
  it('refuses a header that is not an object', () => refuses(fileOf([1, 2]), /header is not a JSON object/));
  it('refuses offsets outside the data buffer', () =>
    refuses(
      fileOf({ t: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, new Uint8Array(8)),
      /tensor t: data_offsets \[0, 16\] lie outside the data buffer \(8 bytes\)/,
    ));
  it('refuses offsets that do not match the shape', () =>
    refuses(
      fileOf({ t: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, new Uint8Array(8)),
      /tensor t: data_offsets span 8 bytes, but shape \[3\] of F32 needs 12/,
    ));
  for (const dtype of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'])
    it(`refuses the dtype ${JSON.stringify(dtype)} as unknown, naming it`, () => {
      const read = () => readSafetensors(fileOf({ t: { dtype, shape: [1], data_offsets: [0, 4] } }, new Uint8Array(4)));
      expect(read).toThrow(ModelFileError);
      expect(read).toThrow(`tensor t: unknown dtype ${JSON.stringify(dtype)} (supported: F32, F16, BF16)`);
      expect(read).not.toThrow(/NaN/);
    });

  it('refuses an unknown dtype', () =>
    refuses(
      fileOf({ t: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8)),
      /tensor t: unknown dtype "I64"/,
    ));
  it('refuses a bad shape and bad offsets', () => {
    refuses(
      fileOf({ t: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, new Uint8Array(4)),
      /tensor t: shape/,
    );
    refuses(
      fileOf({ t: { dtype: 'F32', shape: [1], data_offsets: [4] } }, new Uint8Array(4)),
      /tensor t: data_offsets must be/,
    );
  });
  it('refuses non-string metadata', () =>
    refuses(fileOf({ __metadata__: { config: 3 } }), /__metadata__\.config is not a string/));
});
