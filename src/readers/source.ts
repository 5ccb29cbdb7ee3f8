// Where an input's bytes come from: a file (size known from stat, never read whole just to be
// refused), a buffer (uploads), or a stream such as stdin (size unknown, read once).
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';

export interface ByteSource {
  /** Name as given by the user ("-" for stdin). */
  file: string;
  /** Total size in bytes when known up front. */
  size?: number;
  /** The first `n` bytes (fewer when the input is shorter). */
  head(n: number): Promise<Buffer>;
  /** All bytes, or null when there are more than `limit`. */
  readAll(limit: number): Promise<Buffer | null>;
  /** All bytes from the start, as a stream of chunks. */
  chunks(): AsyncIterable<Uint8Array>;
}

export function fileSource(file: string, size: number): ByteSource {
  return {
    file,
    size,
    async head(n) {
      const fh = await open(file, 'r');
      try {
        const buf = Buffer.alloc(Math.min(n, size));
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    async readAll(limit) {
      if (size > limit) return null;
      const bytes = await readFile(file);
      return bytes.length > limit ? null : bytes;
    },
    chunks() {
      return createReadStream(file, { highWaterMark: 1 << 20 });
    },
  };
}

export function bufferSource(file: string, bytes: Buffer): ByteSource {
  return {
    file,
    size: bytes.length,
    async head(n) {
      return bytes.subarray(0, n);
    },
    async readAll(limit) {
      return bytes.length > limit ? null : bytes;
    },
    async *chunks() {
      yield bytes;
    },
  };
}

/** A source over a stream that can be read only once (stdin): the head is buffered so that it can
 *  be sniffed and then replayed. */
export function streamSource(file: string, stream: AsyncIterable<Uint8Array>): ByteSource {
  const it = stream[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let bufferedBytes = 0;
  let ended = false;
  let consumed = false;

  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    const r = await it.next();
    if (r.done) {
      ended = true;
      return false;
    }
    const b = Buffer.from(r.value);
    buffered.push(b);
    bufferedBytes += b.length;
    return true;
  };
  const takeOnce = () => {
    if (consumed) throw new Error(`${file}: stream already consumed`);
    consumed = true;
  };

  return {
    file,
    async head(n) {
      while (bufferedBytes < n && (await pull()));
      return Buffer.concat(buffered).subarray(0, n);
    },
    async readAll(limit) {
      takeOnce();
      while (bufferedBytes <= limit && (await pull()));
      if (bufferedBytes > limit) {
        // Drain the rest without keeping it, so the writer is not left blocked.
        buffered.length = 0;
        while (!(await it.next()).done);
        return null;
      }
      return Buffer.concat(buffered);
    },
    chunks() {
      takeOnce();
      return (async function* () {
        while (buffered.length) yield buffered.shift()!;
        for (;;) {
          const r = await it.next();
          if (r.done) return;
          yield r.value;
        }
      })();
    },
  };
}
