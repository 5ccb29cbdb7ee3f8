// Word forms as the tagger sees them: word shape and capitalisation class (typographic variants are
// folded by foldTypography of src/text/fold.ts, so raw web text looks like the CoNLL training text).

/** Capitalisation classes. */
export const enum Cap {
  Lower = 0,
  Initial = 1,
  AllCaps = 2,
  SingleUpper = 3,
  Digit = 4,
  Punct = 5,
  Mixed = 6,
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();

export function capClass(w: string): Cap {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (const c of w) {
    if (c >= '0' && c <= '9') digit++;
    else if (isUpper(c)) upper++;
    else if (isLower(c)) lower++;
  }
  if (digit && !upper && !lower) return Cap.Digit;
  if (!upper && !lower) return digit ? Cap.Digit : Cap.Punct;
  if (digit) return Cap.Digit;
  if (!upper) return Cap.Lower;
  if (!lower) return upper === 1 ? Cap.SingleUpper : Cap.AllCaps;
  if (isUpper(w[0])) return Cap.Initial;
  // "'s-Hertogenbosch", "d'Alema": a lowercase head before the capital still reads as a name
  return Cap.Mixed;
}

/** True when the word starts with an uppercase letter. */
export function startsUpper(w: string): boolean {
  return w.length > 0 && isUpper(w[0]);
}

/** Word shape: X for uppercase, x for lowercase, d for digits, other characters kept; runs longer
 *  than two collapse to two ("Netanyahu" -> "Xxx" in short form, "Xxxxxxxxx" -> "Xxx..." in long). */
export function wordShape(w: string, short: boolean): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const c of w) {
    const s = c >= '0' && c <= '9' ? 'd' : isUpper(c) ? 'X' : isLower(c) ? 'x' : c;
    if (s === last) {
      run++;
      if (short ? run > 1 : run > 3) continue;
    } else {
      last = s;
      run = 0;
    }
    out += s;
    if (out.length >= 12) break;
  }
  return out;
}

/** Lowercase with digits replaced by 0 (so years and scores share statistics). */
export function normLower(w: string): string {
  return w.toLowerCase().replace(/[0-9]/g, '0');
}
