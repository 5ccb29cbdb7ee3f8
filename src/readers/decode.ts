// Bytes -> text: BOM detection, strict UTF-8 with a Windows-1252 (or declared charset) fallback,
// and the decision "this is not text" taken on content (NUL bytes, control characters), never on
// magic bytes alone.
import { InputError } from '../types.ts';
import { decodeWindows1252 } from './cp1252.ts';

export interface Decoded {
  text: string;
  /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252", "utf-8-lossy" or a declared charset. */
  encoding: string;
}

export interface DecodeOptions {
  /** Charset declared by the document itself (<meta charset>, <?xml encoding?>), tried before
   *  Windows-1252 when the bytes are not valid UTF-8. */
  declaredCharset?: string;
  /** The bytes are only the first part of a longer input: a multi-byte character may be cut at the end. */
  partial?: boolean;
  /** Throw on empty / whitespace-only input (default true). */
  rejectEmpty?: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Decodes an input file's bytes. Throws InputError for empty and binary input. */
export function decodeBytes(bytes: Buffer, file: string, opts: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) {
    if (opts.rejectEmpty === false) return { text: '', encoding: 'utf-8' };
    throw new InputError(file, 'empty file (0 bytes)');
  }
  const decoded = decodeUnchecked(bytes, opts);
  const binary = binaryReason(bytes, decoded);
  if (binary) throw new InputError(file, binary);
  if (opts.rejectEmpty !== false && decoded.text.trim() === '') {
    throw new InputError(file, `empty file (only whitespace, ${bytes.length} bytes)`);
  }
  return decoded;
}

/** Decodes without judging whether the result is text (see binaryReason) or empty. */
export function decodeUnchecked(bytes: Buffer, opts: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8' };
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3), { stream: opts.partial }), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', opts);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', opts);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: opts.partial }), encoding: 'utf-8' };
  } catch {
    // not valid UTF-8: fall through
  }
  const { valid, invalid } = countUtf8Sequences(bytes);
  if (valid > invalid * 4) {
    // Mostly UTF-8 with a few stray bytes: decoding all of it as a single-byte charset would garble
    // every real multi-byte character.
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-lossy' };
  }
  const declared = usableCharset(opts.declaredCharset);
  if (declared && declared !== 'windows-1252') {
    try {
      return { text: new TextDecoder(declared, { fatal: true }).decode(bytes), encoding: declared };
    } catch {
      // declared charset does not fit the bytes either
    }
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

function utf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be', opts: DecodeOptions): Decoded {
  // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
  return { text: new TextDecoder(encoding).decode(bytes, { stream: opts.partial }), encoding };
}

/** A charset label TextDecoder accepts, other than the UTF-8/UTF-16 ones handled above. */
function usableCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    const enc = new TextDecoder(label.trim().toLowerCase()).encoding;
    return enc.startsWith('utf-') ? undefined : enc;
  } catch {
    return undefined;
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that are not part of one. */
export function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Why these bytes are not text, or null when they are. Judged on content: NUL bytes (outside
 *  UTF-16) or a high share of control characters after decoding. */
export function binaryReason(bytes: Uint8Array, decoded: Decoded): string | null {
  const kind = knownBinaryKind(bytes);
  const label = kind ? ` (looks like ${kind})` : '';
  if (!decoded.encoding.startsWith('utf-16')) {
    const sample = bytes.subarray(0, 65536);
    const nul = sample.indexOf(0);
    if (nul >= 0) return `binary file, not text: NUL byte at offset ${nul}${label}`;
  }
  const text = decoded.text.length > 65536 ? decoded.text.slice(0, 65536) : decoded.text;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++;
  }
  if (controls >= 3 && controls > text.length * 0.01) {
    const pct = ((controls / text.length) * 100).toFixed(1);
    return `binary file, not text: ${pct}% control characters${label}`;
  }
  return null;
}

/** Names a few common binary formats, for the error message only (never to decide). */
function knownBinaryKind(b: Uint8Array): string | null {
  const sigs: [number[], string][] = [
    [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
    [[0x1f, 0x8b], 'gzip data'],
    [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
    [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
    [[0xff, 0xd8, 0xff], 'a JPEG image'],
    [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
    [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  ];
  for (const [sig, name] of sigs) if (startsWith(b, sig)) return name;
  return null;
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  return sig.every((v, i) => b[i] === v);
}

/** Unicode line endings to "\n" (CRLF, lone CR). */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The charset a document declares in its first bytes (<meta charset>, http-equiv, <?xml encoding?>). */
export function declaredCharset(head: Uint8Array): string | undefined {
  const s = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  const m =
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(s) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(s);
  return m?.[1];
}
