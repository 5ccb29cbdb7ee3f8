// Language registry: a language is a folder `src/lang/<code>/` holding `language.json` and one JSON
// data file per analysis layer (abbreviations.json, times.json, ...), each of the shape declared in
// schema.ts. Adding a language means adding a folder (and training its NER model); nothing outside
// src/lang names languages. A folder without language.json (fr today) holds data used across
// languages (demonyms, name titles) but its articles get only the language-neutral layers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ZodIssue } from 'zod';
import { langFileSchemas, type LangFileName, type LangFiles } from './schema.ts';
import { packagePath } from '../paths.ts';

const LANG_DIR = packagePath('src/lang');

/**
 * The language of canonical names (world-countries' common names and demonyms are English; an
 * entity is displayed by its English name) and the language assumed when none is given.
 */
export const DEFAULT_LANGUAGE = 'en';

const CODE = /^[a-z]{2,3}$/;

/** A language data file that does not have its declared shape. */
export class LangDataError extends Error {
  constructor(
    /** The file, relative to the working directory ("src/lang/nl/quotes.json"). */
    readonly file: string,
    /** Where in the file ("verbs[3].frames[0]"); empty for the file as a whole. */
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field || '(file)'}: ${detail}`);
    this.name = 'LangDataError';
  }
}

const cache = new Map<string, unknown>();

/** Codes of every language folder, supported or not (sorted). */
export function languageFolders(): string[] {
  const key = '\0folders';
  if (!cache.has(key)) {
    const codes = readdirSync(LANG_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && CODE.test(d.name))
      .map((d) => d.name)
      .sort();
    cache.set(key, codes);
  }
  return cache.get(key) as string[];
}

/** Codes of the languages with full support (a folder with language.json). */
export function supportedLanguages(): string[] {
  const key = '\0languages';
  if (!cache.has(key)) cache.set(key, languageFolders().filter((code) => existsSync(join(LANG_DIR, code, 'language.json'))));
  return cache.get(key) as string[];
}

export function isSupported(code: string): boolean {
  return supportedLanguages().includes(code);
}

/** "verbs[3].frames[0]" */
function fieldPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describe(issue: ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
}

/** Checks parsed JSON against the schema of data file `name`; `file` names it in the error. */
export function checkLangFile<K extends LangFileName>(name: K, json: unknown, file: string): LangFiles[K] {
  const result = langFileSchemas[name].safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new LangDataError(file, fieldPath(issue.path), describe(issue));
  }
  return result.data as LangFiles[K];
}

/** Reads and checks one file; throws LangDataError naming the file and the field that is wrong. */
function load<K extends LangFileName>(file: string, name: K): LangFiles[K] {
  const shown = relative(process.cwd(), file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LangDataError(shown, '', `not valid JSON (${(err as Error).message})`);
  }
  return checkLangFile(name, json, shown);
}

/**
 * The data file `<name>.json` of a language, read and checked against its schema once;
 * undefined when the language lacks it. A file of the wrong shape throws LangDataError.
 */
export function langData<K extends LangFileName>(code: string, name: K): LangFiles[K] | undefined {
  const key = `${code}/${name}`;
  if (!cache.has(key)) {
    const file = join(LANG_DIR, code, `${name}.json`);
    cache.set(key, CODE.test(code) && existsSync(file) ? load(file, name) : undefined);
  }
  return cache.get(key) as LangFiles[K] | undefined;
}

/**
 * Checks every file of a language folder: each must be a known data file of its declared shape, and
 * language.json must name the folder. Throws LangDataError on the first problem.
 */
export function checkLanguageFolder(code: string): void {
  for (const entry of readdirSync(join(LANG_DIR, code))) {
    const name = entry.replace(/\.json$/, '');
    const file = relative(process.cwd(), join(LANG_DIR, code, entry));
    if (!entry.endsWith('.json') || !(name in langFileSchemas)) throw new LangDataError(file, '', `not a language data file (known: ${Object.keys(langFileSchemas).join(', ')})`);
    langData(code, name as LangFileName);
  }
  const info = langData(code, 'language');
  if (info && info.code !== code) throw new LangDataError(relative(process.cwd(), join(LANG_DIR, code, 'language.json')), 'code', `"${info.code}" is not the folder name "${code}"`);
}

type Datasets = NonNullable<LangFiles['language']['datasets']>;

/** The NER data set of a supported language (language.json datasets.ner); undefined when it has none. */
export function nerDataset(code: string): Datasets['ner'] {
  return langData(code, 'language')?.datasets?.ner;
}

/** The file-name prefix of a language's Recognizers-Text specs ("English"); undefined when it has none. */
export function recognizersPrefix(code: string): string | undefined {
  return langData(code, 'language')?.datasets?.recognizers;
}

/** The language a corpus of ../shared/data is written in (the one whose language.json lists it). */
export function corpusLanguage(corpus: NonNullable<Datasets['corpora']>[number]): string {
  const code = supportedLanguages().find((c) => langData(c, 'language')?.datasets?.corpora?.includes(corpus));
  if (!code) throw new Error(`no language lists the corpus "${corpus}" (language.json datasets.corpora)`);
  return code;
}

/** The supported languages that have a data set of this kind, in code order. */
export function languagesWithDataset(kind: keyof Datasets): string[] {
  return supportedLanguages().filter((code) => langData(code, 'language')?.datasets?.[kind] !== undefined);
}
