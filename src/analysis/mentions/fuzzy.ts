// Typo-tolerant surname matching within an article ("Kusher" = "Kushner").
import { editDistance } from '../../text/edit-distance.ts';

/** Whether two surnames are close enough to be one name misspelt: same first letter, at most one
 *  edit for names of 5+ letters, two for 9+. */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  const len = Math.min(a.length, b.length);
  const max = len >= 9 ? 2 : len >= 5 ? 1 : 0;
  return max > 0 && editDistance(a, b, max) <= max;
}
