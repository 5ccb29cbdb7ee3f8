// Test articles for the store: the real example texts (examples/*.txt) with small hand-made
// analyses — a few quotes, figures, times and entity mentions whose offsets are found in the real
// text — plus two short variants written for diacritics and id-prefix cases.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AnalyzedArticle, EntityLayer, Figure, Quote, RawArticle, Span, TimeExpr } from '../../src/types.ts';
import type { IngestItem } from '../../src/store/store.ts';

const EXAMPLES = new URL('../../examples/', import.meta.url);

/** The span of the `nth` (0-based) occurrence of `needle` in `text`; throws when there is none. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: occurrence ${nth} of ${JSON.stringify(needle)} not in the text`);
  }
  return { start: at, end: at + needle.length, text: needle };
}

/** The cue word nearest after the quote (within 80 characters), else nearest before it. */
function cueSpan(text: string, quote: Span, cue: string): Span {
  const after = text.indexOf(cue, quote.end);
  if (after >= 0 && after - quote.end <= 80) return { start: after, end: after + cue.length, text: cue };
  const before = text.lastIndexOf(cue, quote.start);
  if (before >= 0 && quote.start - before <= 80) return { start: before, end: before + cue.length, text: cue };
  throw new Error(`fixture: cue ${JSON.stringify(cue)} not next to the quote ${JSON.stringify(quote.text)}`);
}

/** Every occurrence of `needle`. */
function allSpans(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    out.push({ start: at, end: at + needle.length, text: needle });
  }
  return out;
}

interface Spec {
  file: string;
  language: string;
  /** The first line is the headline (kept as title, removed from the text). */
  headline: boolean;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  quotes?: { text: string; nth?: number; kind: Quote['kind']; speaker?: string; entity?: string; cue?: string }[];
  /** `qualifierBefore`: the qualifier phrase right before the span ("More than" in "More than 66,000 …"). */
  figures?: {
    text: string;
    nth?: number;
    value: number | null;
    valueMax?: number;
    unit?: string;
    qualifier?: string;
    qualifierBefore?: string;
    counts?: string;
    countsKey?: string;
  }[];
  times?: {
    text: string;
    nth?: number;
    value: string | null;
    valueEnd?: string;
    granularity: TimeExpr['granularity'];
    mod?: TimeExpr['mod'];
    relative?: boolean;
  }[];
  entities?: { id: string; name: string; type: EntityLayer['type']; surface: string[]; key?: string }[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Builds an ingest item for `body` as if read from `file` and analysed per `spec`. */
export function buildItem(spec: Spec, body: string, contentHash = sha256(body)): IngestItem {
  const lines = body.split('\n');
  const title = spec.headline ? lines[0].trim() : null;
  const text = spec.headline ? lines.slice(1).join('\n').replace(/^\n+/, '') : body;
  const id = contentHash.slice(0, 16);
  const quotes: Quote[] = (spec.quotes ?? []).map((q) => {
    const span = spanOf(text, q.text, q.nth);
    const cue = q.cue ? cueSpan(text, span, q.cue) : null;
    return {
      ...span,
      kind: q.kind,
      speaker: q.speaker ? { name: q.speaker, entity: q.entity ?? null } : null,
      cue: q.cue ?? null,
      ...(cue ? { cueStart: cue.start, cueEnd: cue.end } : {}),
    };
  });
  const figures: Figure[] = (spec.figures ?? []).map((f) => {
    const span = spanOf(text, f.text, f.nth);
    const q: Figure = { ...span, value: f.value, unit: f.unit ?? null, qualifier: f.qualifier ?? f.qualifierBefore ?? null, counts: f.counts ?? null };
    if (f.valueMax !== undefined) q.valueMax = f.valueMax;
    if (f.countsKey !== undefined) q.countsKey = f.countsKey;
    if (f.qualifierBefore) {
      const at = span.start - f.qualifierBefore.length - 1;
      if (text.slice(at, span.start) !== f.qualifierBefore + ' ') throw new Error(`fixture: "${f.qualifierBefore}" does not precede "${f.text}"`);
      Object.assign(q, { qualifierStart: at, qualifierEnd: at + f.qualifierBefore.length });
    }
    return q;
  });
  const times: TimeExpr[] = (spec.times ?? []).map((t) => ({
    ...spanOf(text, t.text, t.nth),
    value: t.value,
    ...(t.valueEnd !== undefined ? { valueEnd: t.valueEnd } : {}),
    granularity: t.granularity,
    ...(t.mod !== undefined ? { mod: t.mod } : {}),
    ...(t.relative !== undefined ? { relative: t.relative } : {}),
  }));
  const entities: EntityLayer[] = (spec.entities ?? []).map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    mentions: e.surface.flatMap((s) => allSpans(text, s)).sort((a, b) => a.start - b.start),
    ...(e.key ? { key: e.key } : {}),
  }));
  const file = `examples/${spec.file}`;
  const raw: RawArticle = {
    file,
    format: 'txt',
    raw: body,
    original: body,
    meta: { ...(spec.source ? { source: spec.source } : {}), ...(spec.url ? { url: spec.url } : {}) },
    encoding: 'utf-8',
  };
  const article: AnalyzedArticle = {
    file,
    id,
    title,
    dek: null,
    byline: null,
    source: spec.source,
    url: spec.url,
    language: spec.language,
    languageConfidence: 0.99,
    languageSupported: true,
    publishedAt: spec.publishedAt,
    publishedAtFrom: spec.publishedAt ? 'metadata' : 'none',
    text,
    removed: title ? [{ text: title, reason: 'title' }] : [],
    headings: [],
    sentences: [],
    entities,
    quotes,
    figures,
    times,
  };
  return { contentHash, raw, article };
}

const SPECS: Spec[] = [
  {
    file: '000_3a9e140460d11d4b.txt',
    language: 'en',
    headline: false,
    source: null,
    url: null,
    publishedAt: '2025-07-08',
    quotes: [
      { text: 'They want to meet and they want to have that ceasefire,', kind: 'direct', speaker: 'Donald Trump', entity: 'e1', cue: 'said' },
      { text: 'I don’t think there is a hold-up', kind: 'direct', speaker: 'Donald Trump', entity: 'e1', cue: 'responded' },
    ],
    figures: [
      { text: '21-month', value: 21, unit: 'month' },
      { text: '10 living hostages', value: 10, counts: 'living hostages' },
      { text: '18 others', value: 18, counts: 'bodies of hostages' },
    ],
    times: [
      { text: 'on Monday', value: '2025-07-07', granularity: 'day', relative: true },
      { text: '60-day', value: null, granularity: 'unknown' },
    ],
    entities: [
      { id: 'e1', name: 'Donald Trump', type: 'PER', surface: ['Trump'], key: 'donald-trump' },
      { id: 'e2', name: 'Benjamin Netanyahu', type: 'PER', surface: ['Netanyahu'], key: 'benjamin-netanyahu' },
      { id: 'e3', name: 'Israel', type: 'LOC', surface: ['Israel '] },
    ],
  },
  {
    file: '001_4f95569abf96a48a.txt',
    language: 'en',
    headline: true,
    source: null,
    url: null,
    publishedAt: '2025-02-02',
    quotes: [
      {
        text: 'strengthened security, expanded peace alliances, and the realization of a remarkable era of peace through strength,',
        kind: 'direct',
        speaker: 'Benjamin Netanyahu',
        entity: 'e1',
        cue: 'emphasized',
      },
    ],
    times: [{ text: 'Feb. 4', value: '2025-02-04', granularity: 'day' }],
    entities: [{ id: 'e1', name: 'Benjamin Netanyahu', type: 'PER', surface: ['Netanyahu'], key: 'benjamin-netanyahu' }],
  },
  {
    file: '002_74f363901181367a.txt',
    language: 'nl',
    headline: false,
    source: null,
    url: null,
    publishedAt: '2025-07-09T14:30:00Z',
    quotes: [
      { text: 'Als dit via onderhandelingen kan worden bereikt, geweldig,', kind: 'direct', speaker: 'Benjamin Netanyahu', entity: 'e1', cue: 'zei' },
      { text: 'Aanvankelijk zullen acht gijzelaars worden vrijgelaten, gevolgd door nog twee op de 50ste dag,', kind: 'direct', speaker: 'Gideon Saar', entity: 'e2', cue: 'zei' },
      { text: 'Ja, dat zullen we aanbieden.', kind: 'direct', speaker: 'Gideon Saar', entity: 'e2', cue: 'antwoordde' },
    ],
    figures: [
      { text: '60 dagen', value: 60, unit: 'day' },
      { text: 'acht gijzelaars', value: 8, counts: 'gijzelaars' },
      { text: '18 gijzelaars', value: 18, counts: 'lichamen van gijzelaars' },
      { text: '57.500 Palestijnen', value: 57500, qualifierBefore: 'meer dan', counts: 'Palestijnse doden', countsKey: 'palestinians killed' },
      { text: '$ 3,8 miljard', value: 3.8e9, unit: 'USD', counts: 'militaire financiering' },
    ],
    times: [
      { text: 'oktober 2023', value: '2023-10', granularity: 'month' },
      { text: 'In november', value: '2024-11', granularity: 'month', relative: true },
    ],
    entities: [
      { id: 'e1', name: 'Benjamin Netanyahu', type: 'PER', surface: ['Netanyahu'], key: 'benjamin-netanyahu' },
      { id: 'e2', name: 'Gideon Saar', type: 'PER', surface: ['Saar'] },
      { id: 'e3', name: 'Israël', type: 'LOC', surface: ['Israël '] },
    ],
  },
  {
    file: '003_1d174a4085385254.txt',
    language: 'en',
    headline: true,
    source: 'The Independent',
    url: null,
    publishedAt: '2025-09-29T12:53:00Z',
    quotes: [{ text: 'it’s not been finalized yet,', kind: 'direct', speaker: 'Benjamin Netanyahu', entity: 'e1' }],
    figures: [
      { text: '21-point', value: 21, unit: 'point' },
      { text: '66,000 Palestinians', value: 66000, qualifierBefore: 'More than', counts: 'Palestinians killed', countsKey: 'palestinians killed' },
      { text: 'approximately 1,200 people', value: 1200, qualifier: 'approximately', counts: 'people killed' },
    ],
    times: [{ text: 'October 7, 2023', value: '2023-10-07', granularity: 'day' }],
    entities: [{ id: 'e1', name: 'Benjamin Netanyahu', type: 'PER', surface: ['Netanyahu'], key: 'benjamin-netanyahu' }],
  },
  {
    file: '004_ed9a467948e1cb24.txt',
    language: 'en',
    headline: true,
    source: 'The Epoch Times',
    url: null,
    publishedAt: '2024-05-01',
    quotes: [
      {
        text: 'The Secretary discussed ongoing efforts to reach an immediate ceasefire in Gaza as part of a hostage deal and emphasized that it is Hamas that is standing in the way of a ceasefire,',
        kind: 'direct',
        speaker: 'Matthew Miller',
        cue: 'announced',
      },
      { text: 'extraordinarily generous', kind: 'direct', speaker: 'Antony Blinken', entity: 'e1', cue: 'insisted' },
      {
        text: 'The idea that we will stop the war before achieving all of its goals is out of the question,',
        kind: 'direct',
        speaker: 'Benjamin Netanyahu',
        entity: 'e2',
        cue: 'said',
      },
    ],
    figures: [
      { text: 'seven aid workers', value: 7, counts: 'aid workers killed' },
      { text: 'More than a million people', value: 1_000_000, qualifier: 'more than', counts: 'people relocated to Rafah' },
    ],
    times: [
      { text: 'May 1, 2024', value: '2024-05-01', granularity: 'day' },
      { text: 'Oct. 7, 2023', value: '2023-10-07', granularity: 'day' },
      { text: 'April 29', value: '2024-04-29', granularity: 'day', relative: true },
      { text: 'early April', value: '2024-04', granularity: 'month', mod: 'early', relative: true },
    ],
    entities: [
      { id: 'e1', name: 'Antony Blinken', type: 'PER', surface: ['Blinken'] },
      { id: 'e2', name: 'Benjamin Netanyahu', type: 'PER', surface: ['Netanyahu'], key: 'benjamin-netanyahu' },
    ],
  },
];

/** Ingest items for the five example articles, in file order. */
export function exampleItems(): IngestItem[] {
  return SPECS.map((spec) => buildItem(spec, readFileSync(new URL(spec.file, EXAMPLES), 'utf8')));
}

/** Ingest items for the German, French and Spanish example articles (text and title only, no layers). */
export function otherLanguageItems(): IngestItem[] {
  return (
    [
      ['005_de_netanyahu-trump.txt', 'de'],
      ['006_fr_netanyahou-trump.txt', 'fr'],
      ['008_es_netanyahu-trump.txt', 'es'],
    ] as const
  ).map(([file, language]) => buildItem({ file, language, headline: true, source: null, url: null, publishedAt: null }, readFileSync(new URL(file, EXAMPLES), 'utf8')));
}

/** A short Dutch article written for these tests: diacritics in text, title and speaker name. */
export const COORDINATION_TEXT =
  'VN: coördinatie van hulp voor Gaza schiet tekort\n' +
  'De coördinatie van de hulpkonvooien naar Gaza verloopt moeizaam, zegt de Verenigde Naties. ' +
  '"Zonder betere coördinatie komt de hulp niet aan," zei secretaris-generaal António Guterres op 3 juni 2025. ' +
  'Volgens hem staan meer dan 500 vrachtwagens bij de grensovergang Rafah te wachten. ' +
  'Van 1 tot 5 juni reed er geen enkel konvooi.';

export function coordinationItem(): IngestItem {
  return buildItem(
    {
      file: 'variants/coordinatie.txt',
      language: 'nl',
      headline: true,
      source: 'handwritten variant',
      url: null,
      publishedAt: '2025-06-03',
      quotes: [
        { text: 'Zonder betere coördinatie komt de hulp niet aan,', kind: 'direct', speaker: 'António Guterres', entity: 'e1', cue: 'zei' },
      ],
      figures: [{ text: 'meer dan 500 vrachtwagens', value: 500, qualifier: 'meer dan', counts: 'vrachtwagens bij Rafah' }],
      times: [
        { text: '3 juni 2025', value: '2025-06-03', granularity: 'day' },
        { text: 'Van 1 tot 5 juni', value: '2025-06-01', valueEnd: '2025-06-05', granularity: 'day', relative: true },
      ],
      entities: [{ id: 'e1', name: 'António Guterres', type: 'PER', surface: ['Guterres'] }],
    },
    COORDINATION_TEXT,
  );
}

/** An undated, sourceless note with a chosen content hash (to make two ids share a prefix). */
export function undatedItem(contentHash: string, sentence: string): IngestItem {
  return buildItem(
    { file: `variants/note-${contentHash.slice(0, 8)}.txt`, language: 'en', headline: false, source: null, url: null, publishedAt: null },
    sentence,
    contentHash,
  );
}

/**
 * The first example article with its first quote carrying an attribution as the attribution layer
 * gives it (finer kind, the source as written, how the speaker was resolved, confidence, finder); the
 * second quote keeps none of these (an analysis made before the attribution layer).
 */
export function attributedArticle(item: IngestItem): AnalyzedArticle {
  const a = item.article;
  const source = spanOf(a.text, 'Trump');
  return {
    ...a,
    quotes: a.quotes.map((q, i) =>
      i === 0
        ? { ...q, attributionKind: 'mixed' as const, source: source.text, sourceStart: source.start, sourceEnd: source.end, confidence: 0.75, by: 'model' as const, speaker: { ...q.speaker!, via: 'name' as const } }
        : q,
    ),
  };
}

/** What the quote rows of `attributedArticle` say about attribution, row by row. */
export function attributedRows(a: AnalyzedArticle) {
  const q = a.quotes[0];
  return [
    { attributionKind: 'mixed', sourceText: 'Trump', sourceStart: q.sourceStart, sourceEnd: q.sourceEnd, speakerVia: 'name', confidence: 0.75, by: 'model', cue: 'said' },
    { attributionKind: null, sourceText: null, speakerVia: null, confidence: null, by: null, cue: 'responded' },
  ];
}
