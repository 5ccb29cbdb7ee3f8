// The name tagger's tokens: CoNLL-style tokens (src/text/tokens.ts conllTokens) with the language's
// abbreviations (abbreviations.json: titles, months, initialisms keep their period) and clitics
// (entities.json tokenizer.clitics: English "Trump's" -> "Trump 's"; Dutch keeps "programma's").
import { langData } from '../../../lang/registry.ts';
import { conllTokens, type ConllRules, type Token } from '../../../text/tokens.ts';

const rulesCache = new Map<string, ConllRules>();

function rules(lang: string): ConllRules {
  let r = rulesCache.get(lang);
  if (!r) {
    const ab = langData(lang, 'abbreviations') ?? {};
    const ent = langData(lang, 'entities')?.tokenizer ?? {};
    r = {
      abbreviations: new Set([...(ab.titles ?? []), ...(ab.months ?? []), ...(ab.initialisms ?? [])]),
      clitics: (ent.clitics ?? []).map((c) => c.toLowerCase()).sort((a, b) => b.length - a.length),
    };
    rulesCache.set(lang, r);
  }
  return r;
}

/** Splits text[start, end) into the name tagger's tokens of language `lang`, with absolute offsets. */
export function tokenize(text: string, lang: string, start = 0, end = text.length): Token[] {
  return conllTokens(text, rules(lang), start, end);
}
