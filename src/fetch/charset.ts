// Fetched bytes -> text. The charset comes from, in this order: a byte order mark, the
// Content-Type header, the document's own declaration (<meta charset>, http-equiv, <?xml encoding?>)
// in its first 4 KiB; without any, UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what
// browsers assume). Decoding is iconv-lite's; an unknown charset name falls back as if none was given.
import iconvLite from 'iconv-lite';

// iconv-lite is CommonJS; its typings put the API on a nested `iconv` constant.
const iconv = iconvLite as unknown as { encodingExists(name: string): boolean; decode(bytes: Buffer, charset: string, opts?: { stripBOM?: boolean }): string };

export interface DecodedBody {
  text: string;
  /** The charset used, as iconv-lite names it ("utf8", "win1252", ...), lower case. */
  charset: string;
  /** Where it came from. */
  from: 'bom' | 'header' | 'document' | 'utf-8 check' | 'fallback';
}

/** The charset parameter of a Content-Type header value. */
export function headerCharset(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/** The charset a document declares in its first bytes. */
export function documentCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta\s[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m?.[1];
}

function usable(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase();
  // HTML: a page declaring ISO-8859-1 or US-ASCII is read as Windows-1252 (its superset), as browsers do.
  const mapped = n === 'iso-8859-1' || n === 'latin1' || n === 'us-ascii' || n === 'ascii' ? 'windows-1252' : n;
  return iconv.encodingExists(mapped) ? mapped : undefined;
}

function bom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeBody(bytes: Buffer, contentType?: string | null): DecodedBody {
  const pick = (charset: string, from: DecodedBody['from']): DecodedBody => ({
    text: iconv.decode(bytes, charset, { stripBOM: true }),
    charset,
    from,
  });
  const fromBom = bom(bytes);
  if (fromBom) return pick(fromBom, 'bom');
  const header = usable(headerCharset(contentType));
  if (header) return pick(header, 'header');
  const declared = usable(documentCharset(bytes));
  // A UTF-16 declaration inside bytes that were readable as ASCII is wrong by construction.
  if (declared && !declared.startsWith('utf-16')) return pick(declared, 'document');
  if (validUtf8(bytes)) return pick('utf-8', 'utf-8 check');
  return pick('windows-1252', 'fallback');
}
