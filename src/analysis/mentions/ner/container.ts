// A small binary container for model files: a JSON header plus named typed-array blobs, gzip'd.
// Layout (before gzip): "DNER" magic, u32 header length, header JSON (UTF-8), then each blob
// 4-byte aligned at the offset the header gives.
import { gunzipSync, gzipSync } from 'node:zlib';

type Blob = Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array;
const CTORS = { Uint8Array, Int8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array } as const;
type CtorName = keyof typeof CTORS;

interface BlobEntry {
  name: string;
  type: CtorName;
  offset: number;
  length: number;
}

export function writeContainer(header: unknown, blobs: Record<string, Blob>): Buffer {
  const entries: BlobEntry[] = [];
  let offset = 0;
  for (const [name, arr] of Object.entries(blobs)) {
    entries.push({ name, type: arr.constructor.name as CtorName, offset, length: arr.length });
    offset += Math.ceil(arr.byteLength / 4) * 4;
  }
  const head = Buffer.from(JSON.stringify({ header, blobs: entries }), 'utf8');
  const headPad = Math.ceil((8 + head.length) / 4) * 4;
  const out = Buffer.alloc(headPad + offset);
  out.write('DNER', 0, 'latin1');
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  for (const e of entries) {
    const arr = blobs[e.name];
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, headPad + e.offset);
  }
  return gzipSync(out, { level: 9 });
}

export function readContainer<H>(gz: Buffer): { header: H; blobs: Record<string, Blob> } {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, 4) !== 'DNER') throw new Error('not a Dossier NER model file');
  const headLen = buf.readUInt32LE(4);
  const { header, blobs } = JSON.parse(buf.toString('utf8', 8, 8 + headLen)) as { header: H; blobs: BlobEntry[] };
  const headPad = Math.ceil((8 + headLen) / 4) * 4;
  // copy into an aligned buffer so typed arrays can view it
  const body = new Uint8Array(buf.length - headPad);
  body.set(buf.subarray(headPad));
  const out: Record<string, Blob> = {};
  for (const e of blobs) {
    const C = CTORS[e.type];
    out[e.name] = new C(body.buffer, e.offset, e.length);
  }
  return { header, blobs: out };
}
