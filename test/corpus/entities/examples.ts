// The five example articles as the ingest path stores them (read, cleaned and analysed by
// createAnalyzer), with the hand-built entity layers of test/corpus/entities/seeds.ts moved onto
// the cleaned text, the publication dates the seeds give (the cleaner finds none in 000-002), and
// a few quotes whose speakers are entities of those layers. The per-article NER step is not in the
// pipeline yet, so this is what the entity index sees once it is.
import { contentHash, createAnalyzer } from '../../../src/analyze.ts';
import { readInputs } from '../../../src/readers/index.ts';
import type { IngestItem } from '../../../src/store/store.ts';
import { type AnalyzedArticle, type EntityLayer, InputError, type Mention, type Quote, type RawArticle } from '../../../src/types.ts';
import { type EntitySpec, layer, seeds } from './seeds.ts';
import { SEED_EXAMPLES } from '../../helpers/examples.ts';


const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** Six characters left and right of a span, whitespace collapsed: what identifies a mention across cleaning. */
function context(text: string, start: number, end: number): [string, string] {
  return [squash(text.slice(Math.max(0, start - 12), start)).slice(-6), squash(text.slice(end, end + 12)).slice(0, 6)];
}

/**
 * Moves an entity layer whose offsets point into `from` onto `to`, a cleaned version of it: each
 * mention goes to a free occurrence of its text with the same context on both sides, or failing
 * that (the cleaner removed markup next to it) on one side. Mentions in text the cleaner removed
 * (headline, captions, credits) are dropped, and so are entities left without mentions.
 */
export function moveLayer(from: string, to: string, layer: EntityLayer[]): EntityLayer[] {
  const placed = layer.map((): (Mention & { source: Mention })[] => []);
  const taken = (start: number, end: number): boolean => placed.some((ms) => ms.some((x) => x.start < end && start < x.end));
  for (const sides of [2, 1]) {
    layer.forEach((e, n) => {
      for (const m of e.mentions) {
        const [left, right] = context(from, m.start, m.end);
        if (placed[n].some((x) => x.source === m)) continue;
        for (let i = to.indexOf(m.text); i >= 0; i = to.indexOf(m.text, i + 1)) {
          const [l, r] = context(to, i, i + m.text.length);
          if (Number(l === left) + Number(r === right) < sides || taken(i, i + m.text.length)) continue;
          placed[n].push({ start: i, end: i + m.text.length, text: m.text, source: m });
          break;
        }
      }
    });
  }
  const out: EntityLayer[] = [];
  layer.forEach((e, n) => {
    if (placed[n].length === 0) return;
    const mentions = placed[n].map(({ start, end, text }) => ({ start, end, text })).sort((a, b) => a.start - b.start);
    const moved: EntityLayer = { ...e, mentions };
    delete moved.roles;
    const roles = (e.roles ?? []).flatMap((r) => {
      const at = to.indexOf(r.text);
      return at < 0 ? [] : [{ ...r, start: at, end: at + r.text.length }];
    });
    if (roles.length) moved.roles = roles;
    out.push(moved);
  });
  return out;
}

/** A quote of `speakerId` (an entity id of the article's layer): `quoted` as written in the text. */
function quote(text: string, quoted: string, speakerId: string, speakerName: string, cue: string): Quote {
  const start = text.indexOf(quoted);
  if (start < 0) throw new Error(`fixture: quote ${JSON.stringify(quoted)} not in the text`);
  return { start, end: start + quoted.length, text: quoted, kind: 'direct', speaker: { name: speakerName, entity: speakerId }, cue };
}

/** Quotes by file prefix: [quoted text, speaker's entity id in the seed layer, speaker name, cue]. */
const QUOTES: Record<string, [string, string, string, string][]> = {
  '001': [['strengthened security, expanded peace alliances, and the realization of a remarkable era of peace through strength', 'e1', 'Netanyahu', 'emphasized']],
  '002': [['Als dit via onderhandelingen kan worden bereikt, geweldig,', 'e1', 'Netanyahu', 'zei']],
  '004': [
    ['The idea that we will stop the war before achieving all of its goals is out of the question,', 'e2', 'Mr. Netanyahu', 'said'],
    ['reiterated the importance of accelerating and sustaining that improvement', 'e13', 'Mr. Miller', 'said'],
  ],
};

/** The example articles in file order (000 to 004), ready for `store.ingest`. */
export async function exampleItems(): Promise<IngestItem[]> {
  const analyzer = await createAnalyzer();
  const items: IngestItem[] = [];
  for await (const raw of readInputs(SEED_EXAMPLES)) {
    if (raw instanceof InputError) throw raw;
    const doc = await analyzer.analyze(raw);
    const prefix = raw.file.replace(/.*\//, '').slice(0, 3);
    const seed = seeds.find((s) => s.id.startsWith(prefix));
    if (!seed) throw new Error(`fixture: no seed for ${raw.file}`);
    const article: AnalyzedArticle = {
      ...doc,
      publishedAt: doc.publishedAt ?? seed.publishedAt,
      entities: moveLayer(seed.text, doc.text, seed.entities),
      quotes: (QUOTES[prefix] ?? []).map(([q, id, name, cue]) => quote(doc.text, q, id, name, cue)),
    };
    items.push({ contentHash: contentHash(raw), raw, article });
  }
  return items.sort((a, b) => a.raw.file.localeCompare(b.raw.file));
}

/** A short article written for a case the examples lack, analysed like any input, with its entity layer. */
export async function variantItem(file: string, body: string, publishedAt: string, specs: EntitySpec[]): Promise<IngestItem> {
  const raw: RawArticle = { file, format: 'txt', raw: body, original: body, meta: {}, encoding: 'utf-8' };
  const doc = await (await createAnalyzer()).analyze(raw);
  return { contentHash: contentHash(raw), raw, article: { ...doc, publishedAt, entities: layer(doc.text, specs) } };
}

/** "Kushner" alone, before any article gives his full name: a surname-only entity that 003 later merges. */
export function kushnerFirst(): Promise<IngestItem> {
  return variantItem(
    'variants/kushner-first.txt',
    'Kushner met Gulf officials in Doha on Sunday to discuss the ceasefire proposal, according to two people familiar with the talks.\n',
    '2024-04-20',
    [
      { type: 'PER', name: 'Kushner' },
      { type: 'LOC', name: 'Doha' },
    ],
  );
}

/** A second Miller (Stephen Miller), so that "Miller" names two people. */
export function stephenMiller(): Promise<IngestItem> {
  return variantItem(
    'variants/stephen-miller.txt',
    'Stephen Miller, the White House deputy chief of staff, said on Tuesday that the administration would not change course on Gaza. ' +
      'Miller spoke to reporters in Washington after a meeting with Steve Witkoff.\n',
    '2025-10-07',
    [
      { type: 'PER', name: 'Stephen Miller', forms: ['Stephen Miller', 'Miller'], roles: [['deputy chief of staff', 'White House deputy chief of staff']] },
      { type: 'LOC', name: 'White House' },
      { type: 'LOC', name: 'Gaza' },
      { type: 'LOC', name: 'Washington' },
      { type: 'PER', name: 'Steve Witkoff' },
    ],
  );
}
