// Folds: text reduced to the form it is compared in. They differ on purpose — each keeps the exact
// behaviour its callers' data and indexes were built with — so pick by what the result is for:
//   foldTypography      curly quotes and dashes to ASCII, case kept (the name tagger's word forms)
//   foldCaseAndAccents  lower case, Latin/Greek/Cyrillic accents off (story words: "Israël" -> "israel")
//   foldForSearch       lower case, compatibility forms, every combining mark off (the store's *_folded columns)
//   foldName            foldCaseAndAccents plus ß/æ/ø…, acronym dots, apostrophes and punctuation (entity names)

const TYPOGRAPHY: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
  '\u2013': '-', '\u2014': '--', '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u00a0': ' ',
};
const TYPOGRAPHY_RE = /[\u2018\u2019\u201a\u201b\u2032\u00b4`\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2013\u2014\u2212\u2010\u2011\u00a0]/g;

/**
 * Typographic variants folded so raw web text looks like the CoNLL text the name tagger learnt
 * from: ’ -> ', “ -> ", – -> -, — -> --, no-break space -> space; the PTB quotes `` and '' -> ".
 * Case and letters are kept.
 */
export function foldTypography(w: string): string {
  if (w === '``' || w === "''") return '"';
  return TYPOGRAPHY_RE.test(w) ? w.replace(TYPOGRAPHY_RE, (c) => TYPOGRAPHY[c]) : w;
}

/**
 * Lower case without the combining diacritical marks U+0300–U+036F ("Israël" -> "israel",
 * "Łódź" -> "łodz"). Letters without a decomposition (ß, æ, ł) and the marks of other scripts stay.
 */
export function foldCaseAndAccents(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Compatibility-decomposed (ligatures "ﬁ" -> "fi", full-width letters, "²" -> "2"), every combining
 * mark removed (of any script), then lower case: the form the store keeps next to names and texts
 * and matches substrings against, so no collation is needed.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Latin letters that Unicode decomposition leaves alone. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
};

/**
 * Folds a name for comparison: lower case, no accents (only combining diacritical marks are
 * removed, so vowel signs of other scripts survive), ß/æ/œ/ø/ł/đ/ð/þ/ı/ħ/ŧ spelt out, dots inside
 * acronyms and apostrophes inside words dropped ("U.S." -> "us", "O'Brien" -> "obrien"), a dot
 * glued to a capitalised word a space ("Gov.Sarah"), hyphens, slashes and other punctuation
 * turned into spaces, whitespace collapsed.
 */
export function foldName(text: string): string {
  return foldCaseAndAccents(text.replace(/\.(?=\p{Lu}\p{Ll})/gu, ' '))
    .replace(/[ßæœøłđðþıħŧ]/g, (c) => EXTRA_FOLDS[c] ?? c)
    .replace(/(?<=[\p{L}\p{N}])[.'’ʼ`´](?=[\p{L}\p{N}]|$|\s)/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}
