// Input readers: files, directories, uploads and stdin -> RawArticle (or InputError for bad input).
// Formats: plain text, HTML pages, JSON Lines, RSS/Atom feeds; chosen by content and extension.
import { InputError, type RawArticle } from '../types.ts';
import { readSource } from './dispatch.ts';
import { resolveLimits, type ReaderOptions } from './options.ts';
import { bufferSource, fileSource, streamSource } from './source.ts';
import { expandPaths } from './walk.ts';

export type { ReaderOptions } from './options.ts';
export { DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_MAX_FEED_BYTES } from './options.ts';
export { decodeBytes, type Decoded } from './decode.ts';
export { htmlToArticle, htmlFragmentToArticle, type HtmlArticle } from './html.ts';
export { domToText, fragmentToText } from './html-text.ts';
export { urlsInText } from './urls.ts';
export { detectKind, type InputKind } from './sniff.ts';

export interface ReadInputsOptions extends ReaderOptions {
  /** What "-" reads; process.stdin by default. */
  stdin?: AsyncIterable<Uint8Array>;
  /** Told of each file in a directory left out as clearly not an article (README, images, code, ...). */
  onSkip?: (file: string, reason: string) => void;
}

/** Reads every input in order: files, directories (recursed, sorted, hidden entries and files that
 *  are clearly not articles skipped, see walk.ts) and
 *  "-" for stdin. Bad input yields an InputError naming the file (and line or item) and the rest
 *  still comes through; it throws only for invalid options. */
export async function* readInputs(paths: string[], opts: ReadInputsOptions = {}): AsyncGenerator<RawArticle | InputError> {
  const limits = resolveLimits(opts);
  let stdinUsed = false;
  for await (const p of expandPaths(paths)) {
    if (p instanceof InputError) {
      yield p;
    } else if (p.kind === 'skipped') {
      opts.onSkip?.(p.file, p.reason);
    } else if (p.kind === 'stdin') {
      if (stdinUsed) {
        yield new InputError('-', 'stdin given more than once');
        continue;
      }
      stdinUsed = true;
      yield* readSource(streamSource('-', opts.stdin ?? process.stdin), limits);
    } else if (p.size === 0) {
      yield new InputError(p.file, 'empty file (0 bytes)');
    } else {
      yield* readSource(fileSource(p.file, p.size), limits);
    }
  }
}

/** Reads an input held in memory (an upload, or stdin already read); `file` names it in errors
 *  and its extension helps choose the format. */
export async function* readBuffer(file: string, bytes: Buffer, opts: ReaderOptions = {}): AsyncGenerator<RawArticle | InputError> {
  yield* readSource(bufferSource(file, bytes), resolveLimits(opts));
}
