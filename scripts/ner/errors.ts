// Error analysis of a NER model on its language's development set: the most frequent missed,
// spurious and mistyped names (for deciding what to improve; prints, changes nothing).
//   node bin/run-ts.js scripts/ner/errors.ts --lang de [--model DIR] [--top 40]
import { parseArgs } from 'node:util';
import { loadNerModel } from '../../src/analysis/mentions/ner/model.ts';
import { tagDocumentBilou } from '../../src/analysis/mentions/ner/tagger.ts';
import { spansFromBilou } from '../../src/analysis/mentions/ner/tags.ts';
import { readNerFile } from '../../src/analysis/mentions/ner/formats.ts';
import { nerDataset } from '../../src/lang/registry.ts';
import { dataRoot } from '../../support/data.ts';

const { values } = parseArgs({ options: { lang: { type: 'string', default: 'de' }, model: { type: 'string' }, top: { type: 'string', default: '40' } } });
const lang = values.lang!;
const model = loadNerModel(lang, values.model);
const docs = readNerFile(dataRoot(), nerDataset(lang)!.dev);
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const kinds = new Map<string, number>();
for (const d of docs) {
  const flat = tagDocumentBilou(model, d.sentences);
  let from = 0;
  d.sentences.forEach((s, i) => {
    const pred = spansFromBilou(flat.subarray(from, from + s.length));
    from += s.length;
    const gold = d.spans[i];
    const key = (sp: { start: number; end: number }) => `${sp.start}:${sp.end}`;
    const pm = new Map(pred.map((p) => [key(p), p]));
    const gm = new Map(gold.map((g) => [key(g), g]));
    for (const g of gold) {
      const p = pm.get(key(g));
      const text = s.slice(g.start, g.end).join(' ');
      if (!p) {
        const overlap = pred.some((q) => q.start < g.end && g.start < q.end);
        kinds.set(overlap ? 'boundary' : 'missed', (kinds.get(overlap ? 'boundary' : 'missed') ?? 0) + 1);
        bump(`${overlap ? 'BOUNDARY' : 'MISSED'} ${g.type} ${text}`);
      } else if (p.type !== g.type) {
        kinds.set('type', (kinds.get('type') ?? 0) + 1);
        bump(`TYPE ${g.type}->${p.type} ${text}`);
      }
    }
    for (const p of pred) {
      if (gm.has(key(p))) continue;
      const overlap = gold.some((g) => g.start < p.end && p.start < g.end);
      if (!overlap) {
        kinds.set('spurious', (kinds.get('spurious') ?? 0) + 1);
        bump(`SPURIOUS ${p.type} ${s.slice(p.start, p.end).join(' ')}`);
      }
    }
  });
}
console.log([...kinds].map(([k, n]) => `${k} ${n}`).join(', '));
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(n, k);
