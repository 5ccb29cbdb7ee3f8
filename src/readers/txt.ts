// Plain text: passed through as decoded, with line endings normalised to "\n". Cleaning comes later.
import type { RawArticle } from '../types.ts';
import { normalizeNewlines } from './decode.ts';
import { urlsInText } from './urls.ts';

export function readTxt(file: string, text: string, encoding: string): RawArticle {
  const raw = normalizeNewlines(text);
  const urls = urlsInText(raw);
  return { file, format: 'txt', raw, original: text, meta: urls.length ? { urls } : {}, encoding };
}
