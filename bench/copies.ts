// Syndicated copies (src/sources/copies.ts) on the BBC News corpus (2,225 articles, 2004–05):
//   - every pair of articles with shingle similarity ≥ COPY_SIMILARITY, found exhaustively (an
//     inverted index of shingles), and how many of them MinHash LSH makes candidates (its recall);
//   - made-up syndicated copies of real articles (another headline, a dateline, the last two
//     sentences cut, a credit line added): how many are found and linked;
//   - the time to shingle and band one article.
// Usage: npm run bench:copies [-- --pairs]   (--pairs lists the pairs found; reads ../shared/data/bbc)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COPY_SIMILARITY, bandBuckets, jaccard, shingles } from '../src/sources/copies.ts';
import { dataPath, requireData } from '../support/data.ts';

requireData('bbc');
const root = dataPath('bbc');
const docs: { name: string; text: string }[] = [];
for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(join(root, topic)).filter((f) => f.endsWith('.txt')).sort()) {
    docs.push({ name: `${topic}/${f}`, text: readFileSync(join(root, topic, f), 'latin1') });
  }
}

const t0 = performance.now();
const sets = docs.map((d) => shingles(d.text));
const bands = sets.map((s) => bandBuckets(s));
const perArticleMs = (performance.now() - t0) / docs.length;
const compared = sets.filter((s) => s.size > 0).length;

// exhaustive: shared shingles per pair through an inverted index
const postings = new Map<number, number[]>();
sets.forEach((s, i) => {
  for (const x of s) {
    const list = postings.get(x);
    if (list) list.push(i);
    else postings.set(x, [i]);
  }
});
const shared = new Map<number, number>();
for (const list of postings.values()) {
  if (list.length > 50) continue; // a boilerplate shingle shared by many articles makes no copy
  for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
    const k = list[a] * 100_000 + list[b];
    shared.set(k, (shared.get(k) ?? 0) + 1);
  }
}
const copies: { a: number; b: number; sim: number }[] = [];
for (const [k, common] of shared) {
  const a = Math.floor(k / 100_000);
  const b = k % 100_000;
  const sim = common / (sets[a].size + sets[b].size - common);
  if (sim >= COPY_SIMILARITY - 0.1) copies.push({ a, b, sim: jaccard(sets[a], sets[b]) });
}
const truePairs = copies.filter((p) => p.sim >= COPY_SIMILARITY);
const candidate = (a: number, b: number) => bands[a].some((x, i) => x === bands[b][i]);
const found = truePairs.filter((p) => candidate(p.a, p.b)).length;
const near = copies.filter((p) => p.sim < COPY_SIMILARITY);

// LSH candidates overall (the work a new article causes)
const buckets = new Map<string, number[]>();
bands.forEach((bs, i) => bs.forEach((b, band) => {
  const key = `${band}:${b}`;
  const list = buckets.get(key);
  if (list) list.push(i);
  else buckets.set(key, [i]);
}));
const candidatePairs = new Set<number>();
for (const list of buckets.values()) for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) candidatePairs.add(list[a] * 100_000 + list[b]);

// made-up syndication of every 10th article
let made = 0;
let linked = 0;
let minSim = 1;
for (let i = 0; i < docs.length; i += 10) {
  if (sets[i].size === 0) continue;
  // BBC files: a headline line, then paragraphs that run together; the copy cuts the last two sentences
  const lines = docs[i].text.split('\n').filter((l) => l.trim());
  const sentences = lines.slice(1).join(' ').split(/(?<=[.!?]["”]?)\s+/);
  const copy = ['Wire report: ' + lines[0].toUpperCase(), 'LONDON (Reuters) -', sentences.slice(0, -2).join(' '), 'Reporting by the wire desk; editing by the news desk.'].join('\n\n');
  const s = shingles(copy);
  const sim = jaccard(s, sets[i]);
  made++;
  minSim = Math.min(minSim, sim);
  if (sim >= COPY_SIMILARITY && bandBuckets(s).some((x, k) => x === bands[i][k])) linked++;
}

if (process.argv.includes('--pairs')) for (const p of truePairs.sort((x, y) => y.sim - x.sim)) console.log(`  ${p.sim.toFixed(3)} ${docs[p.a].name} ${docs[p.b].name}`);
console.log(`copies on BBC (${docs.length} articles, ${compared} long enough to compare; shingles + bands ${perArticleMs.toFixed(2)} ms per article)`);
console.log(`  pairs with similarity ≥ ${COPY_SIMILARITY}: ${truePairs.length}; made candidates by LSH: ${found} (recall ${((found / Math.max(1, truePairs.length)) * 100).toFixed(1)} %); pairs within 0.1 below the threshold: ${near.length}`);
console.log(`  LSH candidate pairs overall: ${candidatePairs.size} (${(candidatePairs.size / docs.length).toFixed(2)} per article), of which checked copies: ${found}`);
console.log(`  made-up syndicated copies (new headline, dateline, last two sentences cut, credit line): ${linked} of ${made} linked (lowest similarity ${minSim.toFixed(3)})`);
