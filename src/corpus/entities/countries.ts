// The world-countries data set (names, translations, alternative spellings, demonyms of 250
// countries). Loaded with require: the package is CommonJS and its typings describe the ESM build.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

const require = createRequire(import.meta.url);

let list: readonly Country[] | undefined;

export function worldCountries(): readonly Country[] {
  list ??= require('world-countries') as Country[];
  return list;
}
