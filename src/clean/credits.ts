// Photo captions and photo credits: a paragraph that ends in a credit naming an agency or starting
// with a photo word ("… (AFP via Getty Images)", "… 2024. Evelyn Hockstein/Pool/AFP via Getty
// Images", "Foto: ANP", "Scott Olson via Getty Images.").
import { cleanRules } from './data.ts';
import { isNameLike } from './names.ts';
import { endsSentence, wordCount } from './text.ts';

export interface Credit {
  /** A weak credit is a bare agency name ("(ANP)", "Reuters"): agencies also write the news. */
  strong: boolean;
}

/** Longest caption (description + credit) removed whole, in words. */
export const MAX_CAPTION_WORDS = 60;
/** Longest caption whose credit is only a bare agency name. */
const MAX_WEAK_CAPTION_WORDS = 30;
/** A credit is at most this many words. */
const MAX_CREDIT_WORDS = 14;

function containsAgency(segment: string): boolean {
  const { agencies } = cleanRules();
  const tokens = segment.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= tokens.length; j++) if (agencies.has(tokens.slice(i, j).join(' '))) return true;
  }
  return false;
}

/** Reads `s` as a photo/agency credit; null when it is not one. */
export function parseCredit(s: string): Credit | null {
  const rules = cleanRules();
  let t = s.trim().replace(/\.$/, '').trim();
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) t = paren[1].replace(/\.$/, '').trim();
  if (t.length === 0 || wordCount(t) > MAX_CREDIT_WORDS) return null;
  let prefixed = false;
  const copyright = /^(?:©|\(c\)|copyright\b)\s*(?:\d{4}\s*)?/i.exec(t);
  if (copyright) {
    prefixed = true;
    t = t.slice(copyright[0].length);
  }
  const prefix = rules.photoCreditPrefix.exec(t);
  if (prefix && prefix[0].length > 0) {
    prefixed = true;
    t = t.slice(prefix[0].length).replace(/^[:/|-]\s*/, '');
  }
  if (t.length === 0) return null;
  const segments = t.split(rules.creditSeparator).filter((x) => x.length > 0);
  let agency = false;
  for (const seg of segments) {
    // Each part is an agency ("Getty Images", "dpa") or a name ("Evelyn Hockstein", "AFP Photo").
    if (cleanRules().agencies.has(seg)) agency = true;
    else if (isNameLike(seg)) agency ||= containsAgency(seg);
    else return null;
  }
  if (!agency && !prefixed) return null;
  const weak = !prefixed && segments.length === 1;
  return { strong: !weak };
}

export type CaptionVerdict =
  /** The whole paragraph is a caption or a credit line. */
  | { reason: 'caption' | 'credit' }
  /** Only the credit at its end is removed; the paragraph stays. */
  | { reason: 'credit'; tail: string; keep: string };

const QUOTES = /[“”„"«»]/;

/** Where a credit could start: the start of each of the last words. */
function tailStarts(p: string): number[] {
  const starts: number[] = [];
  for (const m of p.matchAll(/(?<=\s)\S/g)) starts.push(m.index!);
  return starts.slice(-MAX_CREDIT_WORDS);
}

/**
 * Judges a paragraph: caption (description + credit), credit line, prose ending in a credit (only
 * the credit goes), or null. `isLast`: the article's last paragraph, where a bare agency name is
 * the text's own credit, not a photo's.
 */
export function judgeCaption(p: string, isLast: boolean): CaptionVerdict | null {
  const words = wordCount(p);
  if (words <= MAX_CREDIT_WORDS && parseCredit(p)) return { reason: 'credit' };
  const verdict = (start: number, credit: Credit): CaptionVerdict | null => {
    const desc = p.slice(0, start).trim();
    const tail = p.slice(start).trim();
    if (credit.strong) {
      if (words <= MAX_CAPTION_WORDS) return { reason: 'caption' };
      return endsSentence(desc) || /^\(/.test(tail) ? { reason: 'credit', tail, keep: desc } : null;
    }
    // A bare agency name: a caption when short, not a quote and not the last paragraph;
    // after a finished sentence it is the text's credit; otherwise leave it.
    if (/\.$/.test(tail)) return null;
    if (words <= MAX_WEAK_CAPTION_WORDS && !isLast && !QUOTES.test(desc)) return { reason: 'caption' };
    return endsSentence(desc) ? { reason: 'credit', tail, keep: desc } : null;
  };
  // A credit in parentheses closing the paragraph.
  const paren = /\s*\(([^()]{1,120})\)\s*\.?$/.exec(p);
  if (paren && paren.index > 0) {
    const credit = parseCredit(`(${paren[1]})`);
    if (credit) return verdict(paren.index, credit);
  }
  // A credit after the description's last sentence, or starting with a photo word.
  const rules = cleanRules();
  for (const start of tailStarts(p)) {
    const tail = p.slice(start);
    const credit = parseCredit(tail);
    if (!credit) continue;
    const afterSentence = endsSentence(p.slice(0, start).trim());
    const prefixed = rules.photoCreditPrefix.test(tail) && /^\S+\s*:/.test(tail);
    if (afterSentence || prefixed) return verdict(start, credit);
  }
  return null;
}
