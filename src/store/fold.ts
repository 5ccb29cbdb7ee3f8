// Case- and diacritic-insensitive form of a text for substring filters ("Israël" -> "israel").
// Stored next to names and matched with a plain substring test, so no collation is needed.

/** Lower-case, compatibility-decomposed text with combining marks removed. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
