// The model card models/attribution/README.md, written from the headers of the model files there.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAttributionModel } from '../../src/analysis/quotes/model/model.ts';

export function writeCard(dir: string): void {
  const models = readdirSync(dir)
    .filter((f) => f.endsWith('.model.gz'))
    .sort()
    .map((f) => ({ f, bytes: readFileSync(join(dir, f)) }))
    .map(({ f, bytes }) => ({ f, size: bytes.length, m: decodeAttributionModel(bytes, join(dir, f)) }));
  const rows = models.map(({ f, size, m }) => {
    const t = m.meta.training as { epochs?: number; seed?: number; dev?: Record<string, number> };
    const d = t.dev ?? {};
    const n = (k: string) => (typeof d[k] === 'number' ? d[k].toFixed(1) : 'n/a');
    return `| ${f} | ${m.meta.features.lexical ? 'lexical + language-neutral' : 'language-neutral only'} | ${(size / 1024).toFixed(0)} KiB | ${m.cue.size + m.role.size} | ${t.epochs} | ${t.seed} | ${n('cueF1')} | ${n('contentF1')} (${n('contentP')} / ${n('contentR')}) | ${n('exactF1')} | ${n('sourceAcc')} |`;
  });
  const text = `# Attribution models (who said what)

Written by \`npm run train:attribution\` (scripts/attribution/train.ts); do not edit by hand.

Two averaged-perceptron stages with Viterbi decoding (src/analysis/quotes/model): cue tagging
per sentence (B/I/O over the tokens of the quotes layer), then, for each cue, source and content
labelling over the cue's sentence and the next one (B/I tags for source and content, features
relative to the cue: side, distance, clause punctuation and quotation marks in between, the cue
word). \`en\` uses word features and language-neutral ones; \`neutral\` only the language-neutral ones
(word classes from each language's src/lang/<code>/quotes.json, punctuation, quotation marks,
distances), and serves every language without a model of its own (Dutch).

| file | features | size | weight rows | epochs | seed | dev cue F1 | dev content overlap F1 (P / R) | dev exact F1 | dev source acc. |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Dev scores are of the model alone (no rules), on PolNeAR dev, as scripts/attribution/evaluate.ts
defines them; the quotes layer combines it with the rules (\`npm run bench:quotes\` for those numbers).
The epoch count is the best dev epoch up to the maximum given.

## Data and licence

Trained on PolNeAR train (Newell, Margolin & Ruths, "An Attribution Relations Corpus for Political
News", LREC 2018): 840 US political news articles of 2016 from seven outlets, 919 annotation files
(brat standoff: Source, Cue, Content). PolNeAR is distributed for research use; cite the paper. The
model files hold only hashed feature weights (no text of the corpus). Whoever ships Dossier
commercially should check PolNeAR's terms for models derived from it first.

## Reproduce

    npm run train:attribution            # both files, seed 1, up to 8 epochs
    npm run bench:quotes                 # the quotes layer with the model, on PolNeAR dev
`;
  writeFileSync(join(dir, 'README.md'), text);
}
