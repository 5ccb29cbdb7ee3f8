// The model card models/attribution/README.md, written from the headers of the model files there.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAttributionModel } from '../../src/analysis/quotes/model/model.ts';

/** A model trained and scored on SpkAtt-2023 (its dev scores are the shared task's, not PolNeAR's). */
const isSpkAtt = (m: { meta: { training: Record<string, unknown> } }) => String(m.meta.training.data ?? '').startsWith('SpkAtt');

export function writeCard(dir: string): void {
  const models = readdirSync(dir)
    .filter((f) => f.endsWith('.model.gz'))
    .sort()
    .map((f) => ({ f, bytes: readFileSync(join(dir, f)) }))
    .map(({ f, bytes }) => ({ f, size: bytes.length, m: decodeAttributionModel(bytes, join(dir, f)) }));
  const rows = models.filter(({ m }) => !isSpkAtt(m)).map(({ f, size, m }) => {
    const t = m.meta.training as { epochs?: number; seed?: number; dev?: Record<string, number> };
    const d = t.dev ?? {};
    const n = (k: string) => (typeof d[k] === 'number' ? d[k].toFixed(1) : 'n/a');
    const cal = m.meta.calibration ? `${m.meta.calibration.a} / ${m.meta.calibration.b}` : 'none';
    return `| ${f} | ${m.meta.features.lexical ? 'lexical + language-neutral' : 'language-neutral only'} | ${(size / 1024).toFixed(0)} KiB | ${m.cue.size + m.role.size} | ${t.epochs} | ${t.seed} | ${n('cueF1')} | ${n('contentF1')} (${n('contentP')} / ${n('contentR')}) | ${n('exactF1')} | ${n('sourceAcc')} | ${cal} |`;
  });
  const deRows = models.filter(({ m }) => isSpkAtt(m)).map(({ f, size, m }) => {
    const t = m.meta.training as { epochs?: number; seed?: number; dev?: { spkatt?: Record<string, number> } };
    const d = t.dev?.spkatt ?? {};
    const n = (k: string) => (typeof d[k] === 'number' ? d[k].toFixed(1) : 'n/a');
    return `| ${f} | lexical + language-neutral | ${(size / 1024).toFixed(0)} KiB | ${m.cue.size + m.role.size} | ${t.epochs} | ${t.seed} | ${n('cueF1')} | ${n('sourceF1')} | ${n('messageF1')} | ${n('jointF1')} |`;
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

| file | features | size | weight rows | epochs | seed | dev cue F1 | dev content overlap F1 (P / R) | dev exact F1 | dev source acc. | calibration a / b |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Dev scores are of the model alone (no rules), on PolNeAR dev, as scripts/attribution/evaluate.ts
defines them; the quotes layer combines it with the rules (\`npm run bench:quotes\` for those numbers).
The epoch count is the best dev epoch up to the maximum given.

**Confidence.** An attribution's confidence is sigmoid(a × margin + b), where margin is the cue's
first-token score for B minus its score for O (after the cue bias). a and b are fitted by Platt
scaling (log loss, Newton steps with halving) on PolNeAR dev: each attribution the model alone
predicts there, labelled right when it overlap-matches an annotated one. Training ends with this
fit; \`npm run train:attribution -- --calibrate-only\` refits it on the files as they are.
\`npm run bench:quotes\` prints the reliability table of the whole quotes layer (rules + model).
de.model.gz has no calibration (its dev set is SpkAtt, scored differently): it uses sigmoid(margin / 4).

## German (de.model.gz)

Trained on SpkAtt-2023 Task 1 train (GePaDe: 177 German Bundestag speeches of 2017-2021, 5,398 cues
with Source, Message and five other roles; Rehbein et al., KONVENS 2023), epochs and cue bias chosen
on SpkAtt-2023 dev by the mean of cue, Source and Message F1 (scripts/attribution/spkatt.ts, german.ts). Speeches are not news,
so the model's cues must be cues of src/lang/de/quotes.json and yield to the rules' reading of the
same cue (\`lexiconCues\` in its header). Scores with the shared task's scoring (token-level, cues
aligned one to one; \`npm run bench:quotes-de\` prints them beside the published results):

| file | features | size | weight rows | epochs | seed | SpkAtt dev cue F1 | Source F1 | Message F1 | joint F1 (all roles) |
|---|---|---|---|---|---|---|---|---|---|
${deRows.join('\n')}

Published results are on the blind test set (its gold is not public), with the organisers' scorer:
best system (Ehrmanntraut 2023, GBERT-large) cues 89.3 and roles 82.1 F1, Llama 2 70B with QLoRA
(Bornheim et al. 2023) 88.9 / 80.4, the organisers' baseline (cue word list + dependency rules)
67.8 / 43.3. "Roles" there are all seven role types; this model labels Source and Message only.

**Licence.** SpkAtt-2023's annotations are CC BY-SA 4.0 (its datasheet) and the Bundestag text is
public domain: the model may be used commercially, with attribution (cite Rehbein et al. 2023) and
under the same licence (share-alike) for the model file. REDEWIEDERGABE (CC BY-NC-SA 4.0,
non-commercial) is *not* in the shipped model: adding it (\`--with-redewiedergabe\`) lowered
SpkAtt dev Message F1 by 7 points (epoch 5: 47.5 against 54.7) and would make the model
non-commercial; it serves as a test set only (\`npm run bench:quotes-de\`).

## Data and licence (en, neutral)

Trained on PolNeAR train (Newell, Margolin & Ruths, "An Attribution Relations Corpus for Political
News", LREC 2018): 840 US political news articles of 2016 from seven outlets, 919 annotation files
(brat standoff: Source, Cue, Content). PolNeAR is distributed for research use; cite the paper. The
model files hold only hashed feature weights (no text of the corpus). Whoever ships Dossier
commercially should check PolNeAR's terms for models derived from it first.

## Reproduce

    npm run train:attribution            # every file, seed 1, up to 8 epochs
    npm run train:attribution -- --lang de   # de.model.gz alone (about a minute)
    npm run bench:quotes                 # the quotes layer with the model, on PolNeAR dev
    npm run bench:quotes-de              # SpkAtt-2023 dev and REDEWIEDERGABE
`;
  writeFileSync(join(dir, 'README.md'), text);
}
