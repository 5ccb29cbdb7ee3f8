import { readFileSync, readdirSync } from 'node:fs';
import { findEntities } from './src/analysis/mentions/index.ts';
import { segmentSentences } from './src/analysis/sentences/segment.ts';
import { EntityResolver } from './src/corpus/entities/resolve.ts';
const r = new EntityResolver();
for (const d of ['politics', 'sport', 'entertainment', 'business', 'tech']) for (const f of readdirSync('/work/shared/data/bbc/' + d).sort()) {
  const id = `${d}/${f}`;
  let text: string;
  try { text = readFileSync('/work/shared/data/bbc/' + id, 'utf8'); } catch { continue; }
  const res = r.add({ id, language: 'en', publishedAt: null, entities: findEntities(text, 'en', segmentSentences(text, 'en')) });
  for (const l of res.links) if (/spelling or short form|acronym of|start or end of .* the only|another spelling|start and end/.test(l.reason)) console.log(id, l.type, JSON.stringify(l.name), '->', l.key, '|', l.reason);
  for (const m of res.merges) console.log(id, 'MERGE', m.from, '->', m.to, '|', m.reason);
}
