// Unlabelled text for word clusters and lower-case statistics, read from ../shared/data and
// tokenised like the CoNLL data. Only corpora whose terms allow shipping derived data are used
// (PolNeAR text, ECB+ text; never the BBC set), or the text of an annotated file of another data set.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readNerFile, type NerFormat } from '../../src/analysis/mentions/ner/formats.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import { tokenize } from '../../src/analysis/mentions/ner/tokenize.ts';

export interface UnlabelledSource {
  kind: 'polnear' | 'ecbplus' | 'ner';
  /** The corpus folder; for "ner" the annotated file whose text is read. */
  dir: string;
  format?: NerFormat;
}

/** Documents (lists of tokenised sentences) of an unlabelled source. */
export function readUnlabelled(src: UnlabelledSource, lang: string): string[][][] {
  if (src.kind === 'polnear') return readPolnear(src.dir, lang);
  if (src.kind === 'ner') return readNerFile(dirname(src.dir), { file: basename(src.dir), format: src.format }).map((d) => d.sentences);
  return readEcbPlus(src.dir);
}

/** PolNeAR raw article texts (train and dev), segmented and tokenised. */
function readPolnear(dir: string, lang: string): string[][][] {
  const out: string[][][] = [];
  for (const split of ['train', 'dev']) {
    const textDir = join(dir, split, 'text');
    if (!existsSync(textDir)) continue;
    for (const f of readdirSync(textDir).sort()) {
      if (!f.endsWith('.txt')) continue;
      const text = readFileSync(join(textDir, f), 'utf8');
      const doc: string[][] = [];
      for (const s of segmentSentences(text, lang)) {
        const toks = tokenize(text, lang, s.start, s.end).map((t) => t.text);
        if (toks.length) doc.push(toks);
      }
      if (doc.length) out.push(doc);
    }
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** ECB+ articles: already tokenised XML, one sentence per `sentence` attribute value. */
function readEcbPlus(dir: string): string[][][] {
  const out: string[][][] = [];
  const topics = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => Number(a) - Number(b));
  const tokenRe = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
  for (const t of topics) {
    for (const f of readdirSync(join(dir, t)).sort()) {
      if (!f.endsWith('.xml')) continue;
      const xml = readFileSync(join(dir, t, f), 'utf8');
      const doc: string[][] = [];
      let cur: string[] = [];
      let sent = '';
      let m: RegExpExecArray | null;
      tokenRe.lastIndex = 0;
      while ((m = tokenRe.exec(xml))) {
        if (m[1] !== sent) {
          if (cur.length) doc.push(cur);
          cur = [];
          sent = m[1];
        }
        const w = m[2].replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e]).trim();
        if (w) cur.push(w);
      }
      if (cur.length) doc.push(cur);
      if (doc.length) out.push(doc);
    }
  }
  return out;
}

