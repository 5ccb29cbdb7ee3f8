// Language registry: a language is a folder `src/lang/<code>/` holding `language.json` and one JSON
// data file per analysis layer (abbreviations.json, times.json, ...). Adding a language means adding
// a folder; nothing else in the code names languages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LANG_DIR = dirname(fileURLToPath(import.meta.url));

export interface LanguageInfo {
  /** ISO 639-1 code, the folder name. */
  code: string;
  /** English name of the language. */
  name: string;
}

const cache = new Map<string, unknown>();

/** Codes of the languages with full support (a folder with language.json). */
export function supportedLanguages(): string[] {
  const key = '\0languages';
  if (!cache.has(key)) {
    const codes = readdirSync(LANG_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(LANG_DIR, d.name, 'language.json')))
      .map((d) => d.name)
      .sort();
    cache.set(key, codes);
  }
  return cache.get(key) as string[];
}

export function isSupported(code: string): boolean {
  return supportedLanguages().includes(code);
}

/** The data file `<name>.json` of a language, parsed once; undefined when the language lacks it. */
export function langData<T>(code: string, name: string): T | undefined {
  const key = `${code}/${name}`;
  if (!cache.has(key)) {
    const file = join(LANG_DIR, code, `${name}.json`);
    cache.set(key, /^[a-z]{2,3}$/.test(code) && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  }
  return cache.get(key) as T | undefined;
}

export function languageInfo(code: string): LanguageInfo | undefined {
  return langData<LanguageInfo>(code, 'language');
}
