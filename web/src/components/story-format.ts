// How story data reads in the UI: time spans, labels without their ISO dates, figures with their
// qualifiers, voices, sides, evidence links, and dates as day numbers for charts.
import { formatDate, formatNumber, languageName } from '../format.ts';
import type { Evidence } from '../../../src/api/stories.ts';
import type { FigureClaim, SourceRef, Span } from './story-api.ts';

/** The span as the story labels write it ("2024-05-01 – 2025-09-29"), to recognise it at the end of a label. */
function isoSpan(s: Span): string {
  if (s.from && s.to) return s.from === s.to ? s.from : `${s.from} – ${s.to}`;
  if (s.monthDays.length > 0) return `--${s.monthDays[0]} (year unknown)`;
  return 'date unknown';
}

/** A label without its trailing dates, which the page shows formatted next to it; the whole label when it does not end with them. */
export function labelWithoutSpan(label: string, span: Span): string {
  const tail = ` · ${isoSpan(span)}`;
  return label.endsWith(tail) && label.length > tail.length ? label.slice(0, -tail.length) : label;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 May 2024 – 29 Sep 2025", "9 Jul 2025", "4 February (year unknown)", "date unknown". */
export function spanText(s: Span): string {
  if (s.from && s.to) return s.from === s.to ? formatDate(s.from) : `${formatDate(s.from)} – ${formatDate(s.to)}`;
  if (s.monthDays.length > 0) {
    const [m, d] = s.monthDays[0].split('-').map(Number);
    return `${d} ${MONTHS[m - 1] ?? m} (year unknown)`;
  }
  return 'date unknown';
}

/** How long a span lasts, in words ("1 day", "3 months"); null when undated. */
export function spanLength(s: Span): string | null {
  if (!s.from || !s.to) return null;
  const days = dayNumber(s.to) - dayNumber(s.from) + 1;
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  if (days < 60) return `${Math.round(days / 7)} weeks`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${Math.round(days / 365.25)} years`;
}

/** "English 4 · Dutch 1", most articles first. */
export function languagesText(languages: Record<string, number>): string {
  return Object.entries(languages)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${languageName(code)} ${formatNumber(n)}`)
    .join(' · ');
}

/** Days since 1970-01-01 of an ISO day, month (its first day) or year (1 January). */
export function dayNumber(iso: string): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

const QUALIFIERS: Record<string, string> = {
  'more-than': 'more than',
  'at-least': 'at least',
  nearly: 'nearly',
  approximately: 'about',
  estimated: 'an estimated',
  'up-to': 'up to',
  'at-most': 'at most',
  'less-than': 'less than',
};

/** "more than 57,500", "2–3", "$3,800,000,000" stays a plain number with its unit after it. */
export function figureText(c: Pick<FigureClaim, 'value' | 'valueMax' | 'qualifier' | 'unit'>): string {
  const q = c.qualifier ? `${QUALIFIERS[c.qualifier] ?? c.qualifier} ` : '';
  const v = `${formatNumber(c.value)}${c.valueMax !== null ? `–${formatNumber(c.valueMax)}` : ''}`;
  return `${q}${v}${c.unit && /^[A-Z]{3}$/.test(c.unit) ? ` ${c.unit}` : ''}`;
}

/** The voice of a figure or term: "own voice", "attributed to Hamas (“volgens”)", "quoted (Netanyahu)". */
export function voiceText(v: FigureClaim['voice']): string {
  if (v.voice === 'asserted') return 'own voice';
  const who = v.by ? (v.voice === 'attributed' ? ` to ${v.by}` : ` (${v.by})`) : '';
  const cue = v.cue && v.voice === 'attributed' ? ` (“${v.cue}”)` : '';
  return `${v.voice}${who}${cue}`;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "country:IL" -> "Israel", "org:hamas" -> "Hamas", null -> "side unknown". */
export function sideName(side: string | null): string {
  if (!side) return 'side unknown';
  const [kind, value = ''] = side.split(':');
  if (kind === 'country') {
    try {
      return regionNames.of(value.toUpperCase()) ?? value;
    } catch {
      return value;
    }
  }
  const words = value.replace(/-/g, ' ');
  return words.length <= 4 ? words.toUpperCase() : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The article page with the evidence highlighted (the sentence, or the span itself). */
export function evidenceHref(e: Evidence, what: 'span' | 'sentence' = 'span'): string {
  const { start, end } = what === 'sentence' ? e.sentence : e;
  return `/articles/${encodeURIComponent(e.articleId)}?at=${start}-${end}`;
}

