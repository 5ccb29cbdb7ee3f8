// Writes models/ner/README.md, the model card, from the facts each model file records about its
// training (data, settings, development scores), so the card always matches the shipped files.
import { ENTITY_TYPES } from '../../src/analysis/mentions/ner/tags.ts';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel, modelPath } from '../../src/analysis/mentions/ner/model.ts';
import { readFileSync } from 'node:fs';

interface Score {
  type: string;
  precision: number;
  recall: number;
  f1: number;
}

const NAMES: Record<string, string> = { en: 'English', nl: 'Dutch', de: 'German', fr: 'French', es: 'Spanish', pt: 'Portuguese', it: 'Italian', sv: 'Swedish' };

/** Terms of each data set a model may be trained on (../shared/data/README.md), by its folder. */
type Terms = 'permissive' | 'share-alike' | 'research' | 'non-commercial';
const DATA_TERMS: Record<string, { licence: string; terms: Terms }> = {
  conll2003: { licence: 'CoNLL-2003: annotations free for research; Reuters RCV1 text, Reuters\' terms apply', terms: 'research' },
  conll2002: { licence: 'CoNLL-2002: free for research', terms: 'research' },
  'conll2002-es': { licence: 'CoNLL-2002 Spanish: research use in the context of the shared task only, not for commercial applications', terms: 'research' },
  germeval2014: { licence: 'GermEval 2014: CC BY 4.0', terms: 'permissive' },
  wikiann: { licence: 'WikiANN: no licence from the authors; derived from Wikipedia (CC BY-SA); a standard research benchmark', terms: 'share-alike' },
  wikineural: { licence: 'WikiNEuRal: CC BY-NC-SA 4.0 (non-commercial)', terms: 'non-commercial' },
  uner: { licence: 'Universal NER: CC BY-SA 4.0', terms: 'share-alike' },
  'swedish-ner-corpus': { licence: 'swedish-ner-corpus: CC BY 4.0', terms: 'permissive' },
  'kind-it': { licence: 'KIND: annotations CC BY-NC 4.0 (non-commercial); Wikinews text CC BY 2.5', terms: 'non-commercial' },
  'europeana-ner': { licence: 'Europeana Newspapers NER: CC0', terms: 'permissive' },
  'harem-pt': { licence: 'HAREM (Linguateca): research use', terms: 'research' },
};
const TERMS_TEXT: Record<Terms, string> = {
  permissive: 'may be used for any purpose, with attribution',
  'share-alike': 'may be shared under share-alike terms (CC BY-SA) with attribution',
  research: 'research use only (inherits the research-use terms of its data)',
  'non-commercial': 'NON-COMMERCIAL use only (inherits the CC BY-NC terms of its data)',
};
const ORDER: Terms[] = ['permissive', 'share-alike', 'research', 'non-commercial'];

/** The data sets (top folders) a model was trained on, from its recorded training facts. */
export function modelDataSets(t: Record<string, unknown>): string[] {
  const files = (t.trainFiles as string[] | undefined) ?? [t.train as string];
  const more = [t.extraTrain, ...[t.crossLingual ?? []].flat(), ...((t.unlabelledFiles as string[] | undefined) ?? [])].filter((x): x is string => typeof x === 'string');
  return [...new Set([...files, ...more].map((f) => f.split('/')[0]))];
}

/** The most restrictive terms among a model's data sets, and the licence line of each. */
export function modelTerms(t: Record<string, unknown>): { terms: Terms; text: string; licences: string[] } {
  const sets = modelDataSets(t);
  let terms: Terms = 'permissive';
  for (const s of sets) {
    const d = DATA_TERMS[s];
    if (!d) throw new Error(`model card: no licence recorded for the data set "${s}" (scripts/ner/card.ts DATA_TERMS)`);
    if (ORDER.indexOf(d.terms) > ORDER.indexOf(terms)) terms = d.terms;
  }
  return { terms, text: TERMS_TEXT[terms], licences: sets.map((s) => DATA_TERMS[s].licence) };
}

export function writeModelCard(dir: string, langs: string[]): void {
  const sections: string[] = [];
  for (const lang of langs) {
    const file = modelPath(lang, dir);
    if (!existsSync(file)) continue;
    const m = decodeModel(readFileSync(file));
    const t = m.meta.training as Record<string, unknown>;
    const scores = (t.devScores ?? []) as Score[];
    const pct = (x: number) => (100 * x).toFixed(2);
    const lic = modelTerms(t);
    sections.push(
      [
        `## ${NAMES[lang] ?? lang} (\`${lang}.model.gz\`, ${(statSync(file).size / 1e6).toFixed(1)} MB)`,
        '',
        `- Trained on ${String(t.train).split(/, (?![^(]*\))/).map((f) => `\`${f}\``).join(', ')}${t.crossLingual ? `; names of ${[t.crossLingual].flat().map((f) => `\`${f}\``).join(', ')} in the gazetteer (lists xl-*)` : ''}${t.extraTrain ? ` plus \`${t.extraTrain}\` (other language, domain-adapted)` : ''}, tuned on \`${t.dev}\`.`,
        `- Terms: ${lic.text}. Data: ${lic.licences.join('; ')}.`,
        `- Word clusters and lower-case statistics from: ${(t.unlabelledSources as string[] | undefined)?.join(', ') || 'the training text only'}${t.clusterWords ? ` (${t.clusterWords} clustered word forms, ${t.clusterGranularities})` : ''}.`,
        `- Gazetteer lists: ${t.gazetteerLists} (${t.gazetteerEntries} entries).`,
        `- Learner: averaged structured perceptron, ${t.ensemble} models averaged per stage, ${t.epochs} epochs, ${t.folds}-fold jackknife for the second stage and the training-name gazetteer, seed ${t.seed}${t.goldRepeat ? `; own gold sentences visited ${t.goldRepeat} times per epoch` : ''}${m.meta.outsideBias ? `; O-score bias ${m.meta.outsideBias} (tuned on the development set)` : ''}${m.meta.typeBias ? `; per-type score bias ${ENTITY_TYPES.map((ty, i) => `${ty} ${m.meta.typeBias![i]}`).join(', ')} (tuned on the development set)` : ''}; ${m.stage1.size} + ${m.stage2?.size ?? 0} weight rows.`,
        '',
        `Development set (${t.dev}), conlleval entity-level scores:`,
        '',
        '| type | precision | recall | F1 |',
        '|---|---|---|---|',
        ...scores.map((s) => `| ${s.type} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`),
        '',
      ].join('\n'),
    );
  }
  const card = `# Named-entity models

Statistical sequence taggers for PER, ORG, LOC and MISC names, used by the entities step
(\`src/analysis/mentions\`) and by \`dossier tag\`. One gzip'd binary file per language
(see \`src/analysis/mentions/ner/container.ts\` and \`model.ts\` for the format).

## How they work

A two-stage averaged structured perceptron over BILOU tags with Viterbi decoding. Stage 1 uses
word features (form, lower case, prefixes and suffixes, word shape, capitalisation class), the
neighbouring words, shapes and word clusters, compound heads of neighbouring words, the position
in the sentence and headline mode, gazetteer matches, and document-level evidence (is the word
written in lower case elsewhere in the document, capitalised in mid-sentence, part of a longer
capitalised name, and the words around its other occurrences). Stage 2 adds what stage 1
predicted for the whole document (neighbouring tags, the labels given to the same word and the
same name elsewhere, the type of an adjacent name). Stage 2 learns from stage-1 output produced
by jackknifing, so it sees realistic stage-1 errors. Names from the training data are a gazetteer
too; training documents only see the names of the other folds, so the tagger learns how far a
gazetteer match can be trusted for a name it has not seen. Where it helps on the development set by
more than 0.2 F1 (German), the final stage decodes with a lower score for O on every token: silver
data whose unannotated names read as O makes the tagger shy of names, and this trades some precision
for recall (\`scripts/ner/bias.ts\`; \`scripts/ner/retune.ts\` re-picks it for a shipped model).
After it, a score added to every tag of one entity type (picked per type on the development set by
coordinate ascent, kept under the same 0.2 rule; Spanish) moves the decision between types, such as
a Spanish town name that is also its football club (LOC against ORG).

The Dutch model also learns from the English training data, the French model from Europeana
Newspapers (running prose of historical French newspapers), and the German, Italian, Portuguese,
Swedish and Spanish models from silver data (WikiANN, WikiNEuRal) or another gold set, with
"frustratingly easy" domain adaptation (Daumé 2007): every feature exists once shared and once per
domain (the model's own gold data, each other set), and the shipped weights are the shared plus the
own-domain copy. Names and name shapes carry over; the other sets' conventions (WikiANN has no MISC,
Talbanken few names) keep their own weights.

## Data and licences

Each model's section below says which data sets it was trained on and the terms that follow from
them: the most restrictive terms of its data. In short: the English and Dutch models (CoNLL) are
for research use; the Spanish model (CoNLL-2002 Spanish, research only; WikiNEuRal, CC BY-NC-SA),
the Italian model (KIND, CC BY-NC; WikiNEuRal) and the German model (GermEval 2014, CC BY 4.0;
WikiNEuRal; WikiANN) are NON-COMMERCIAL / research only. The French (WikiANN; Europeana Newspapers, CC0), Portuguese
(Universal NER, CC BY-SA 4.0; WikiANN) and Swedish (swedish-ner-corpus, CC BY 4.0; Universal NER)
models use only data under attribution or share-alike terms (WikiANN has no licence of its own:
it is derived from Wikipedia, CC BY-SA). German from permissive data alone (GermEval + WikiANN)
scored 59.13 on the held-out GermEval part against 66.62 with WikiNEuRal, too far below to prefer it.

- English: CoNLL-2003 (Tjong Kim Sang & De Meulder 2003), \`eng.train\`; Reuters RCV1 text,
  annotations free for research; Reuters' terms apply to the text.
- Dutch: CoNLL-2002 (Tjong Kim Sang 2002), \`ned.train\`; De Morgen text, free for research.
- Word clusters and lower-case statistics (English): CoNLL-2003 training text, PolNeAR article
  text (Newell, Margolin & Ruths 2018; research use) and ECB+ (Cybulska & Vossen 2014; CC BY 3.0).
  Nothing derived from the BBC set is used. The other languages cluster the text of their own
  training files.
- Gazetteers: names from the training data of the model's own language and of the other
  language (Dutch names in the English model; the Dutch model trains on the English documents
  themselves), "silver" names that a preliminary English tagger finds in the PolNeAR and ECB+
  text (English model only), names of the files listed as cross-lingual in a section below, and
  country names, capitals and demonyms from the \`i18n-iso-countries\` (MIT) and
  \`world-countries\` (ODbL 1.0) packages.
- The files contain weights and derived word lists, not the corpora. Like the CoNLL-trained
  models of Stanford NER or spaCy, they inherit the terms of the data.

## Rebuild

\`\`\`
npm run train:ner              # every language, from ../shared/data (10-15 minutes each on a busy 2-core machine)
npm run train:ner -- --lang de # one language
npm run bench:ner              # P/R/F1 per type on the development sets, tokens/s
\`\`\`

Training is deterministic for a given seed (\`--seed\`, default 1).

${sections.join('\n')}`;
  writeFileSync(join(dir, 'README.md'), card);
}
