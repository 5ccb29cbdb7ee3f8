// Where the public data sets live (the dev splits the tests and the bench measure on): one folder
// per data set in $DOSSIER_DATA, else ../shared/data beside this checkout. They are not part of the
// repository, so whatever reads them asks here first and, when one is missing, says so in one line
// naming the data set and how to point at it (tests skip, bench scripts stop).
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The environment variable naming the folder that holds the data sets. */
export const DATA_ENV = 'DOSSIER_DATA';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** What each data set is (the name to look for it under); see ../shared/data/README.md. */
const DESCRIPTIONS: Record<string, string> = {
  'article-extraction-benchmark': 'Zyte article extraction benchmark, development half',
  bbc: 'BBC News articles 2004-2005, Greene & Cunningham 2006',
  conll2002: 'CoNLL-2002 Dutch NER',
  'conll2002-es': 'CoNLL-2002 Spanish NER',
  conll2003: 'CoNLL-2003 English NER',
  ecbplus: 'ECB+ event coreference, Cybulska & Vossen 2014',
  germeval2014: 'GermEval 2014 German NER',
  'kind-it': 'KIND Italian NER (Wikinews)',
  polnear: 'PolNeAR attribution corpus, Newell et al. 2018',
  'recognizers-text': 'Microsoft Recognizers-Text Specs',
  'swedish-ner-corpus': 'Swedish NER on Webbnyheter 2012',
  tempeval3: 'TempEval-3 TimeBank + AQUAINT',
  'trafilatura-eval': "trafilatura's evaluation set, development half",
  uner: 'Universal NER v1',
  wikiann: 'WikiANN silver NER',
  wikineural: 'WikiNEuRal silver NER',
};

/** The folder holding the data sets: $DOSSIER_DATA, else ../shared/data beside the repository. */
export function dataRoot(): string {
  const env = process.env[DATA_ENV];
  return env ? resolve(env) : resolve(REPO, '..', 'shared', 'data');
}

/** The path of a data set (its top folder, e.g. "conll2003") or of a file in it. */
export function dataPath(name: string, ...parts: string[]): string {
  return join(dataRoot(), name, ...parts);
}

/** The data set a path below the data folder belongs to ("conll2003/eng.testa" -> "conll2003"). */
export const dataSetOf = (path: string): string => path.split(/[\\/]/)[0];

/** The folder as a reader of this checkout would find it: ../shared/data/bbc, or absolute when $DOSSIER_DATA is set. */
const shown = (path: string): string => (process.env[DATA_ENV] ? path : relative(REPO, path));

/** What is missing and how to point at it, as two halves of one line. */
export interface MissingData {
  /** "needs ../shared/data/conll2003 (CoNLL-2003 English NER)" */
  what: string;
  /** "set DOSSIER_DATA=<folder with conll2003/> to read it from elsewhere (README: Test it)" */
  how: string;
}

/** Null when every named data set (or path in one: "conll2003/eng.testa") is there, else what is missing. */
export function missingData(...names: string[]): MissingData | null {
  const missing = [...new Set(names.map(dataSetOf))].filter((n) => !existsSync(dataPath(n)));
  if (!missing.length) return null;
  return {
    what: `needs ${missing.map((n) => `${shown(dataPath(n))}${DESCRIPTIONS[n] ? ` (${DESCRIPTIONS[n]})` : ''}`).join(', ')}`,
    how: `set ${DATA_ENV}=<folder with ${missing.map((n) => `${n}/`).join(', ')}> to read ${missing.length > 1 ? 'them' : 'it'} from elsewhere (README: Test it)`,
  };
}

/** For bench scripts: when a named data set is missing, the one line on stderr and exit 1 (no stack trace). */
export function requireData(...names: string[]): void {
  const m = missingData(...names);
  if (m) {
    process.stderr.write(`${m.what}: ${m.how}\n`);
    process.exit(1);
  }
}
