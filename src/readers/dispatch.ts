// Reads one input (file, buffer or stream): sniff its first bytes, choose the reader, enforce the
// size limits, decode, and turn every bad-input failure into an InputError naming the file.
import { InputError, type RawArticle } from '../types.ts';
import { binaryReason, declaredCharset, decodeBytes, decodeUnchecked } from './decode.ts';
import { readFeed } from './feed.ts';
import { readHtml } from './html.ts';
import { readJsonl } from './jsonl.ts';
import { tooLargeReason, type ReaderLimits } from './options.ts';
import { detectKind, type InputKind } from './sniff.ts';
import type { ByteSource } from './source.ts';
import { readTxt } from './txt.ts';
import { describeFsError } from './walk.ts';

/** Bytes looked at to decide the format (and to refuse binary input before reading more). */
export const SNIFF_BYTES = 64 * 1024;

/** Reads one input; every article comes out with U+0000 replaced (see withoutNul). */
export async function* readSource(src: ByteSource, limits: ReaderLimits): AsyncGenerator<RawArticle | InputError> {
  for await (const item of readSourceAsIs(src, limits)) yield item instanceof InputError ? item : withoutNul(item);
}

/**
 * The article with every U+0000 (NUL) in its text, original input and metadata replaced by U+FFFD,
 * the replacement character: one character for one, so offsets do not move. NUL is never text;
 * PostgreSQL refuses it in text columns while SQLite stores it, and both stores must hold the same.
 */
export function withoutNul(raw: RawArticle): RawArticle {
  const fix = (s: string) => (s.includes('\u0000') ? s.replace(/\u0000/g, '\uFFFD') : s);
  const meta = { ...raw.meta };
  for (const [k, v] of Object.entries(meta) as [keyof typeof meta, unknown][]) {
    if (typeof v === 'string') (meta as Record<string, unknown>)[k] = fix(v);
    else if (Array.isArray(v)) (meta as Record<string, unknown>)[k] = v.map((x) => (typeof x === 'string' ? fix(x) : x));
  }
  return { ...raw, raw: fix(raw.raw), original: fix(raw.original), meta };
}

async function* readSourceAsIs(src: ByteSource, limits: ReaderLimits): AsyncGenerator<RawArticle | InputError> {
  const { file } = src;
  let kind: InputKind | undefined;
  try {
    const head = await src.head(SNIFF_BYTES);
    if (head.length === 0) {
      yield new InputError(file, 'empty file (0 bytes)');
      return;
    }
    const whole = src.size !== undefined ? head.length >= src.size : head.length < SNIFF_BYTES;
    const headDecoded = decodeUnchecked(head, { partial: !whole, declaredCharset: declaredCharset(head) });
    kind = detectKind(file, headDecoded.text);
    // Binary input is refused from its first bytes, before reading on. For JSON Lines only the
    // first line counts: a later line with binary data is an error for that line alone.
    const binary = kind === 'jsonl' ? firstLineBinaryReason(head, whole) : binaryReason(head, headDecoded);
    if (binary) {
      yield new InputError(file, binary);
      return;
    }
    if (whole && headDecoded.text.trim() === '') {
      yield new InputError(file, `empty file (only whitespace, ${head.length} bytes)`);
      return;
    }
    if (kind === 'jsonl') {
      yield* readJsonl(file, src.chunks(), limits.maxArticleBytes);
      return;
    }
    const limit = kind === 'feed' ? limits.maxFeedBytes : limits.maxArticleBytes;
    const what = kind === 'feed' ? 'feed' : 'file';
    if (src.size !== undefined && src.size > limit) {
      yield new InputError(file, tooLargeReason(what, src.size, limit));
      return;
    }
    const bytes = await src.readAll(limit);
    if (!bytes) {
      yield new InputError(file, tooLargeReason(what, undefined, limit));
      return;
    }
    const { text, encoding } = decodeBytes(bytes, file, { declaredCharset: declaredCharset(bytes) });
    if (kind === 'feed') yield* readFeed(file, text, encoding);
    else if (kind === 'html') yield readHtml(file, text, encoding);
    else yield readTxt(file, text, encoding);
  } catch (e) {
    if (e instanceof InputError) yield e;
    else if ((e as NodeJS.ErrnoException)?.code) yield new InputError(file, describeFsError(e));
    else yield new InputError(file, `could not be read${kind ? ` as ${kind}` : ''}: ${(e as Error)?.message ?? String(e)}`);
  }
}

function firstLineBinaryReason(head: Buffer, whole: boolean): string | null {
  const nl = head.indexOf(0x0a);
  const first = nl < 0 ? head : head.subarray(0, nl);
  return binaryReason(first, decodeUnchecked(first, { partial: nl < 0 && !whole }));
}
