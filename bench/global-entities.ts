// Throughput and scaling of cross-article entity resolution. Articles: the documents of the NER
// gold data of every language (language.json datasets.ner, train + dev; silver sets left out) from ../shared/data, with gold
// entity mentions grouped within each document by exact text and type. The corpus is then fed
// again R times with every name changed per round (a letter suffix on each word), so the number of
// distinct entities grows with the corpus: time per article should stay flat if no step compares
// an article with every entity. Prints, per round, articles so far, entities so far, ms per
// article of that round, and the heap in use; then link counts by rule of the first round.
// Usage: node --expose-gc bin/run-ts.js bench/global-entities.ts [rounds=10]
// (--expose-gc makes the heap figure the live heap rather than live plus garbage.)
import { nerFile, readNerFile, type LabelledDoc } from '../src/analysis/mentions/ner/formats.ts';
import { EntityResolver } from '../src/corpus/entities/resolve.ts';
import type { EntityLayer, EntityType } from '../src/types.ts';
import { languagesWithDataset, nerDataset } from '../src/lang/registry.ts';
import { dataRoot, dataSetOf, requireData } from '../support/data.ts';

const DATA = dataRoot();
const ROUNDS = Number(process.argv[2] ?? 10);

interface Doc {
  language: string;
  /** Entity names with their type and number of mentions. */
  names: { type: EntityType; text: string; count: number }[];
}

/** Gold entity names of annotated documents (read by src/analysis/mentions/ner/formats.ts). */
function namesOf(docs: LabelledDoc[], language: string): Doc[] {
  const out: Doc[] = [];
  for (const d of docs) {
    const counts = new Map<string, number>();
    d.sentences.forEach((s, i) => {
      for (const sp of d.spans[i]) {
        const k = `${sp.type}\u0000${s.slice(sp.start, sp.end).join(' ')}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    });
    if (!counts.size) continue;
    out.push({
      language,
      names: [...counts].map(([k, count]) => {
        const [t, text] = k.split('\u0000');
        return { type: t as EntityType, text, count };
      }),
    });
  }
  return out;
}

// The training and development documents of every language with a NER data set.
const languages = languagesWithDataset('ner');
const filesOf = (lang: string) => [...[nerDataset(lang)!.train].flat(), nerDataset(lang)!.dev].filter((f) => !nerFile(f).domain);
requireData(...languages.flatMap((lang) => filesOf(lang).map((f) => dataSetOf(nerFile(f).file))));
const docs = languages.flatMap((lang) => filesOf(lang).flatMap((f) => namesOf(readNerFile(DATA, f), lang)));

function suffix(round: number): string {
  let s = '';
  for (let n = round; n > 0; n = Math.floor(n / 26)) s += String.fromCharCode(97 + (n % 26));
  return s;
}

function layer(doc: Doc, round: number): EntityLayer[] {
  const sfx = suffix(round);
  let offset = 0;
  return doc.names.map((n, i) => {
    const text = round === 0 ? n.text : n.text.split(' ').map((w) => w + sfx).join(' ');
    const mentions = Array.from({ length: n.count }, () => {
      const m = { start: offset, end: offset + text.length, text };
      offset += text.length + 1;
      return m;
    });
    return { id: `e${i + 1}`, name: text, type: n.type, mentions };
  });
}

const resolver = new EntityResolver();
console.log(`${docs.length} documents per round (${languages.map((l) => `${docs.filter((d) => d.language === l).length} ${l}`).join(', ')})`);
console.log('round  articles  entities  ms/article  heap MB');
let rules: Map<string, number> | null = null;
for (let round = 0; round < ROUNDS; round++) {
  const t0 = performance.now();
  for (const [i, d] of docs.entries()) {
    resolver.add({ id: `r${round}-${i}`, language: d.language, publishedAt: null, entities: layer(d, round) });
  }
  const ms = (performance.now() - t0) / docs.length;
  if (!rules) {
    rules = new Map();
    for (const l of resolver.state().links) rules.set(l.rule, (rules.get(l.rule) ?? 0) + 1);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  const count = resolver.entities().length;
  console.log(`${String(round).padStart(5)}  ${String((round + 1) * docs.length).padStart(8)}  ${String(count).padStart(8)}  ${ms.toFixed(3).padStart(10)}  ${heap.toFixed(0).padStart(7)}`);
}
console.log('links by rule in round 0:', Object.fromEntries([...(rules ?? new Map())].sort((a, b) => b[1] - a[1])));
