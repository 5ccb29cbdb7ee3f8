// Tokeniser for raw text in the style of the CoNLL data the tagger learnt from: punctuation split
// off words, abbreviations and initials keep their period ("U.S.", "Mr.", "J."), hyphenated words
// stay whole ("Israel-Gaza"), clitics listed for the language split off ("Trump's" -> "Trump 's"
// in English; Dutch keeps "programma's"). Every token keeps its offsets into the text.
import { langData } from '../../../lang/registry.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
}

interface Rules {
  abbrevs: Set<string>;
  clitics: string[];
}

const rulesCache = new Map<string, Rules>();

function rules(lang: string): Rules {
  let r = rulesCache.get(lang);
  if (!r) {
    const ab = langData(lang, 'abbreviations') ?? {};
    const ent = langData(lang, 'entities')?.tokenizer ?? {};
    r = {
      abbrevs: new Set([...(ab.titles ?? []), ...(ab.months ?? []), ...(ab.initialisms ?? [])]),
      clitics: (ent.clitics ?? []).map((c) => c.toLowerCase()).sort((a, b) => b.length - a.length),
    };
    rulesCache.set(lang, r);
  }
  return r;
}

const OPENERS = new Set(['"', '“', '„', '«', '‹', '(', '[', '{', '<', '‘', '‚', "'", '`', '¿', '¡', '*']);
const CLOSERS = new Set(['"', '”', '»', '›', ')', ']', '}', '>', '’', "'", ',', ';', ':', '!', '?', '*', '…']);
const DASHES = /[\u2013\u2014\u2015]|--+/;

/** Splits text[start, end) into tokens with absolute offsets. */
export function tokenize(text: string, lang: string, start = 0, end = text.length): Token[] {
  const r = rules(lang);
  const out: Token[] = [];
  const chunkRe = /\S+/g;
  chunkRe.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = chunkRe.exec(text)) && m.index < end) {
    const s = m.index;
    const e = Math.min(s + m[0].length, end);
    splitChunk(text, s, e, r, out);
  }
  return out;
}

function splitChunk(text: string, s: number, e: number, r: Rules, out: Token[]): void {
  const chunk = text.slice(s, e);
  // URLs and e-mail addresses stay whole (minus trailing punctuation)
  if (/^(https?:\/\/|www\.)|^[^@\s]+@[^@\s]+\.[a-z]{2,}/i.test(chunk)) {
    let end = e;
    while (end > s + 1 && /[.,;:!?)"'”’\]]/.test(text[end - 1])) end--;
    out.push({ text: text.slice(s, end), start: s, end });
    for (let k = end; k < e; k++) out.push({ text: text[k], start: k, end: k + 1 });
    return;
  }
  // markup left in scraped text ("Trump,<a"), slashes between words ("Hockstein/Pool/AFP")
  const cut = (/:\/\/|www\./.test(chunk) ? /[<>]/ : /[<>]|(?<=\p{L})\/(?=\p{L})/u).exec(chunk);
  if (cut && chunk.length > 1) {
    const cs = s + cut.index;
    if (cs > s) splitChunk(text, s, cs, r, out);
    out.push({ text: text[cs], start: cs, end: cs + 1 });
    if (cs + 1 < e) splitChunk(text, cs + 1, e, r, out);
    return;
  }
  // dashes between words: "Gaza—maar", "Israel–Hamas"
  const dash = DASHES.exec(chunk);
  if (dash && chunk.length > dash[0].length) {
    const ds = s + dash.index;
    const de = ds + dash[0].length;
    if (ds > s) splitChunk(text, s, ds, r, out);
    out.push({ text: text.slice(ds, de), start: ds, end: de });
    if (de < e) splitChunk(text, de, e, r, out);
    return;
  }
  const head: Token[] = [];
  const tail: Token[] = [];
  let a = s;
  let b = e;
  // leading openers; an apostrophe stays before digits ('81) and short Dutch forms ('t, 's-Hertogenbosch)
  while (a < b - 1 && OPENERS.has(text[a])) {
    if (/['‘’`]/.test(text[a]) && (/^['‘’`]\d/.test(text.slice(a, b)) || /^['‘’`][a-z]{1,2}(-|$)/.test(text.slice(a, b)))) break;
    head.push({ text: text[a], start: a, end: a + 1 });
    a++;
  }
  // trailing closers and punctuation
  for (;;) {
    if (b - a <= 1) break;
    const c = text[b - 1];
    if (c === '.') {
      const word = text.slice(a, b);
      if (/\.\.\.$/.test(word)) {
        let k = b;
        while (k > a && text[k - 1] === '.') k--;
        if (k === a) break;
        tail.unshift({ text: text.slice(k, b), start: k, end: b });
        b = k;
        continue;
      }
      if (isAbbreviation(word, r)) break;
      tail.unshift({ text: '.', start: b - 1, end: b });
      b--;
      continue;
    }
    if (CLOSERS.has(c)) {
      // apostrophe of a plural possessive stays a separate token ("Gazans '"), as in CoNLL
      tail.unshift({ text: c, start: b - 1, end: b });
      b--;
      continue;
    }
    break;
  }
  // clitics: "Trump's" -> "Trump" "'s"
  if (b - a > 1 && r.clitics.length) {
    const word = text.slice(a, b).toLowerCase().replace(/[’‘`]/g, "'");
    for (const cl of r.clitics) {
      if (word.length > cl.length && word.endsWith(cl)) {
        const k = b - cl.length;
        tail.unshift({ text: text.slice(k, b), start: k, end: b });
        b = k;
        break;
      }
    }
  }
  out.push(...head);
  if (b > a) {
    // run-on sentences without a space: "well.He"
    const word = text.slice(a, b);
    const runOn = /^(\p{Ll}{2,})\.(\p{Lu}\p{Ll}+)$/u.exec(word);
    if (runOn) {
      const k = a + runOn[1].length;
      out.push({ text: runOn[1], start: a, end: k }, { text: '.', start: k, end: k + 1 }, { text: runOn[2], start: k + 1, end: b });
    } else out.push({ text: word, start: a, end: b });
  }
  out.push(...tail);
}

function isAbbreviation(word: string, r: Rules): boolean {
  if (r.abbrevs.has(word)) return true;
  // initials and dotted initialisms: "J.", "U.S.", "a.m."
  if (/^(\p{L}\.)+$/u.test(word)) return true;
  return false;
}
