// Splits a byte stream into lines without holding more than one line (up to a limit) in memory.

export type Line =
  | { line: number; bytes: Buffer }
  /** A line longer than the limit: its bytes were skipped, only its size is known. */
  | { line: number; tooLong: number };

/** Yields the lines of a byte stream, 1-based, without the "\n" (or "\r\n"). A line over
 *  `maxLineBytes` is reported with its size instead of its bytes and never kept whole. */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let held = 0; // bytes in `parts`
  let skipped = 0; // bytes of the current line dropped for being over the limit (0: not over)
  let lineNo = 0;

  const finish = function* (tail: Buffer): Generator<Line> {
    lineNo++;
    if (skipped > 0) {
      yield { line: lineNo, tooLong: skipped + tail.length };
    } else {
      let bytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      yield { line: lineNo, bytes };
    }
    parts = [];
    held = 0;
    skipped = 0;
  };

  const keep = (piece: Buffer) => {
    if (piece.length === 0) return;
    if (skipped > 0) {
      skipped += piece.length;
    } else if (held + piece.length > maxLineBytes) {
      skipped = held + piece.length;
      parts = [];
      held = 0;
    } else {
      parts.push(piece);
      held += piece.length;
    }
  };

  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, from)) {
      const piece = buf.subarray(from, nl);
      if (skipped === 0 && held + piece.length > maxLineBytes) {
        keep(piece);
        yield* finish(Buffer.alloc(0));
      } else {
        yield* finish(piece);
      }
      from = nl + 1;
    }
    // Copy the rest: the stream may reuse its chunk buffer.
    if (from < buf.length) keep(Buffer.from(buf.subarray(from)));
  }
  if (held > 0 || skipped > 0) yield* finish(Buffer.alloc(0));
}
