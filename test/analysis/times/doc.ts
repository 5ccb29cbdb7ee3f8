// The example articles as docs for the times/figures tests: text, language, publication date and the
// sentences layer from the real segmenter (the step that runs before ours).
import { readFileSync } from 'node:fs';
import type { AnalyzedArticle, PublishedAtSource } from '../../../src/types.ts';
import { analyzedDoc } from '../../../support/analyzed-doc.ts';

/** An example article (/work/main/examples) as a doc; publication dates as given in the issue. */
export function exampleDoc(prefix: '000' | '001' | '002' | '003' | '004'): AnalyzedArticle {
  const files: Record<string, [string, string, string | null, PublishedAtSource]> = {
    '000': ['000_3a9e140460d11d4b.txt', 'en', null, 'none'],
    '001': ['001_4f95569abf96a48a.txt', 'en', null, 'none'],
    '002': ['002_74f363901181367a.txt', 'nl', null, 'none'],
    '003': ['003_1d174a4085385254.txt', 'en', '2025-09-29', 'url'],
    '004': ['004_ed9a467948e1cb24.txt', 'en', '2024-05-01', 'caption'],
  };
  const [file, lang, pub, from] = files[prefix];
  const text = readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8');
  return analyzedDoc(text, lang, { publishedAt: pub, publishedAtFrom: from });
}
