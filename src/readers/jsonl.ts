// JSON Lines: one article per line, read as a stream. A bad line is an error naming its line
// number; the other lines still come through.
import { InputError, type RawArticle, type RawMeta } from '../types.ts';
import { decodeBytes, normalizeNewlines } from './decode.ts';
import { htmlFragmentToArticle } from './html.ts';
import { splitLines } from './lines.ts';
import { tooLargeReason } from './options.ts';
import { urlsInText } from './urls.ts';

/** Reads JSON Lines from a byte stream. `maxLineBytes` bounds one line (one article). */
export async function* readJsonl(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
  maxLineBytes: number,
): AsyncGenerator<RawArticle | InputError> {
  const { stream, encoding } = await withoutBom(chunks);
  for await (const l of splitLines(stream, maxLineBytes)) {
    if ('tooLong' in l) {
      yield new InputError(file, tooLargeReason('line', l.tooLong, maxLineBytes), l.line);
      continue;
    }
    if (isBlank(l.bytes)) continue;
    try {
      let decoded = decodeBytes(l.bytes, file, { rejectEmpty: false });
      if (encoding) decoded = { text: decoded.text, encoding };
      yield jsonlLineToArticle(file, l.line, decoded.text, decoded.encoding);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // decodeBytes speaks of files; here it is one line.
      yield e.position === undefined ? new InputError(file, e.reason.replace(/^binary file/, 'binary data'), l.line) : e;
    }
  }
}

/** One JSONL line -> RawArticle. Throws InputError (with the line number) for a bad line. */
export function jsonlLineToArticle(file: string, line: number, text: string, encoding: string): RawArticle {
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `not valid JSON: ${(e as Error).message}`, line);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new InputError(file, `expected a JSON object, got ${Array.isArray(rec) ? 'an array' : JSON.stringify(rec)?.slice(0, 40)}`, line);
  }
  const r = rec as Record<string, unknown>;
  const given: RawMeta = {
    title: str(r.title) ?? str(r.headline),
    url: str(r.url) ?? str(r.link),
    source: str(r.source) ?? str(r.site) ?? str(r.outlet),
    byline: str(r.byline) ?? str(r.author),
    publishedAt: str(r.publishedAt) ?? str(r.published_at) ?? str(r.datePublished) ?? str(r.date),
    language: str(r.language) ?? str(r.lang),
    description: str(r.description),
  };
  // "text" wins when it has content; an "html" field is the fallback (also next to an empty "text").
  const hasText = typeof r.text === 'string' && r.text.trim() !== '';
  const field = hasText ? 'text' : 'html' in r ? 'html' : 'text' in r ? 'text' : undefined;
  if (!field) {
    const keys = Object.keys(r);
    throw new InputError(file, `no "text" or "html" field${keys.length ? ` (fields: ${keys.slice(0, 10).join(', ')})` : ''}`, line);
  }
  const value = r[field];
  if (typeof value !== 'string') {
    throw new InputError(file, `"${field}" field is ${value === null ? 'null' : `a ${Array.isArray(value) ? 'list' : typeof value}`}, not a string`, line);
  }
  let raw: string;
  let found: RawMeta = {};
  if (field === 'text') {
    raw = normalizeNewlines(value);
    found = { urls: urlsInText(value) };
  } else {
    const page = value.trim() ? htmlFragmentToArticle(value, file, line) : { raw: '', meta: {} };
    raw = page.raw;
    found = page.meta;
  }
  if (!raw.trim()) throw new InputError(file, `empty "${field}" field`, line);
  const meta = mergeMeta(found, given);
  return { file, position: line, format: 'jsonl', raw, original: text, meta, encoding };
}

/** Fields given in the record win over what was found in its HTML; URLs are combined. */
function mergeMeta(found: RawMeta, given: RawMeta): RawMeta {
  const meta: RawMeta = { ...found };
  for (const [k, v] of Object.entries(given) as [keyof RawMeta, string | undefined][]) {
    if (v !== undefined && k !== 'urls') (meta as Record<string, unknown>)[k] = v;
  }
  const urls = [...new Set([...(given.url ? [given.url] : []), ...(found.urls ?? [])])];
  if (urls.length) meta.urls = urls;
  else delete meta.urls;
  return meta;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') {
    return (v as { name: string }).name; // {"author": {"name": "..."}}
  }
  return undefined;
}

function isBlank(b: Buffer): boolean {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  return true;
}

/** Strips a UTF-8 BOM, and turns UTF-16 (with BOM) into UTF-8 so lines can be split on bytes. */
async function withoutBom(chunks: AsyncIterable<Uint8Array>): Promise<{ stream: AsyncIterable<Uint8Array>; encoding?: string }> {
  const it = chunks[Symbol.asyncIterator]();
  let first = await it.next();
  // Make sure at least 3 bytes are seen before deciding.
  let head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  while (head.length < 3 && !first.done) {
    first = await it.next();
    if (!first.done) head = Buffer.concat([head, first.value]);
  }
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => it };
  async function* prepend(h: Uint8Array, tail: AsyncIterable<Uint8Array>) {
    if (h.length) yield h;
    if (!first.done) yield* tail;
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { stream: prepend(head.subarray(3), rest), encoding: 'utf-8-bom' };
  }
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { stream: transcode(prepend(head, rest), utf16), encoding: utf16 };
  return { stream: prepend(head, rest) };
}

async function* transcode(chunks: AsyncIterable<Uint8Array>, encoding: string): AsyncGenerator<Uint8Array> {
  const dec = new TextDecoder(encoding);
  for await (const c of chunks) yield Buffer.from(dec.decode(c, { stream: true }), 'utf8');
  const tail = dec.decode();
  if (tail) yield Buffer.from(tail, 'utf8');
}
