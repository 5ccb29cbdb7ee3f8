// German, French and Italian: every layer on an example article written for the project in news
// style with its scraping noise (examples/005-007, about the same meeting as the seeds): cleaning,
// sentences, dates resolved, figures, quotes with the right speaker, search on folded words, and
// the entities layer's note while the language has no name-tagging model (once a model exists,
// the people of the article are named). Plus the mechanisms the languages brought, each on the
// sentence that needs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.ts';
import { findNumbers } from '../../src/analysis/figures/numbers.ts';
import { extractTimes } from '../../src/analysis/times/extract.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import { ingestPaths } from '../../src/pipeline/ingest.ts';
import { readTxt } from '../../src/readers/txt.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { AnalyzedArticle } from '../../src/types.ts';
import { isSupported } from '../../src/lang/registry.ts';
import { packagePath } from '../../src/paths.ts';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const FILES = { de: '005_de_netanyahu-trump.txt', fr: '006_fr_netanyahou-trump.txt', it: '007_it_netanyahu-trump.txt' } as const;
type Lang = keyof typeof FILES;

const docs = {} as Record<Lang, AnalyzedArticle>;
beforeAll(async () => {
  const analyzer = await createAnalyzer();
  for (const [lang, file] of Object.entries(FILES) as [Lang, string][]) {
    docs[lang] = await analyzer.analyze(readTxt(`examples/${file}`, readFileSync(join(EXAMPLES, file), 'utf8'), 'utf-8'));
  }
});

const sentences = (d: AnalyzedArticle) => d.sentences.map((s) => d.text.slice(s.start, s.end));
const times = (d: AnalyzedArticle) => Object.fromEntries(d.times.map((t) => [t.text, t.value]));
const figure = (d: AnalyzedArticle, text: string) => d.figures.find((f) => f.text === text);
const quote = (d: AnalyzedArticle, words: string) => d.quotes.find((q) => q.text.includes(words));
const removed = (d: AnalyzedArticle, reason: string) => (d.removed ?? []).filter((r) => r.reason === reason).map((r) => r.text);
const hasModel = (lang: string) => existsSync(packagePath(`models/ner/${lang}.model.gz`));

describe.each(Object.keys(FILES) as Lang[])('%s example article', (lang) => {
  it('is read as a fully supported language; entities wait for a name-tagging model', () => {
    const d = docs[lang];
    expect(d.language).toBe(lang);
    expect(isSupported(lang)).toBe(true);
    expect(d.languageSupported).toBe(true);
    if (hasModel(lang)) {
      expect(d.unsupported).toBeUndefined();
      expect(d.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Donald Trump']));
    } else expect(d.unsupported).toEqual({ layers: ['entities'], reason: expect.stringContaining(`no name-tagging model for "${lang}"`) });
  });

  it('cleaning takes off byline, time stamps, media and share lines, credits; keeps the publication date', () => {
    const d = docs[lang];
    expect(d.publishedAt).toBe('2025-07-08');
    expect(removed(d, 'byline')).toHaveLength(1);
    expect(removed(d, 'boilerplate').length).toBeGreaterThanOrEqual(2);
    expect(removed(d, 'credit').length).toBeGreaterThanOrEqual(2);
    expect(d.text).not.toMatch(/Foto|Photo|Aktualisiert|Mis à jour|Aggiornato|teilen|Partager|Condividi|Lesen Sie|lire aussi|Leggi anche/);
  });
});

describe('German', () => {
  it('sentences: an ordinal period, "Mrd." and "US-Präsident" end no sentence', () => {
    const s = sentences(docs.de);
    expect(s).toHaveLength(13);
    expect(s).toContain('Die USA haben nach Angaben des Außenministeriums 3,8 Mrd. Dollar an Militärhilfe für Israel bewilligt.');
    expect(segmentSentences('Er kam am 4. Februar nach Berlin. Das ist z. B. gut. Dann sprach Dr. Müller.', 'de')).toHaveLength(3);
    // A number at a sentence end is not an ordinal: "… 100. Dann"
    expect(segmentSentences('Die Zahl stieg auf 100. Dann fiel sie wieder.', 'de')).toHaveLength(2);
  });

  it('dates: weekdays, "kommende Woche", "vor zwei Tagen", "vor 21 Monaten" from the publication date', () => {
    expect(times(docs.de)).toEqual({ Montag: '2025-07-07', Sonntag: '2025-07-06', 'kommenden Woche': '2025-W29', 'vor zwei Tagen': '2025-07-06', 'vor 21 Monaten': '2023-10' });
    const t = (s: string) => extractTimes(s, 'de', '2025-07-08').map((x) => [x.text, x.value]);
    expect(t('Das Treffen wird am 28.10. in Genf stattfinden.')).toEqual([['28.10.', '2025-10-28']]);
    expect(t('Am 4. Februar 2025 und in drei Wochen.')).toEqual([['Am 4. Februar 2025', '2025-02-04'], ['in drei Wochen', '2025-07-29']]);
    // Easter and the holidays that move with it (times.json "E+N"); a day in words
    expect(t('Pfingsten 2022 und Ostermontag 2025')).toEqual([['Pfingsten 2022', '2022-06-05'], ['Ostermontag 2025', '2025-04-21']]);
    expect(t('Er kam am zweiten Mai.')).toEqual([['am zweiten Mai', '2025-05-02']]);
  });

  it('figures: "57.500", "zwei Millionen", "3,8 Mrd. Dollar" with what they count', () => {
    expect(figure(docs.de, 'mehr als 57.500')).toMatchObject({ value: 57500, counts: 'Menschen getötet' });
    expect(figure(docs.de, 'Rund zwei Millionen')).toMatchObject({ value: 2_000_000, counts: 'Menschen' });
    expect(figure(docs.de, '3,8 Mrd. Dollar')).toMatchObject({ value: 3_800_000_000, unit: 'USD' });
    const values = (s: string) => findNumbers(s, 'de').map((n) => n.value);
    expect(values('zweiundzwanzig, dreihundertfünfzig, zweieinhalb, ein halbes Dutzend, 1 234 567')).toEqual([22, 350, 2.5, 6, 1234567]);
  });

  it('quotes: „…“, sagte Trump; the pronoun and "der Ministerpräsident" resolved', () => {
    expect(quote(docs.de, 'Sie wollen sich treffen')).toMatchObject({ kind: 'direct', cue: 'sagte', speaker: { name: 'Donald Trump' } });
    expect(quote(docs.de, 'Die Gespräche liefen')?.speaker?.name).toBe('Donald Trump');
    expect(quote(docs.de, 'seine Regierung mit den USA')?.speaker?.name).toBe('Benjamin Netanyahu');
    expect(quote(docs.de, 'Kontrolle über die Sicherheit')?.speaker?.name).toBe('Benjamin Netanyahu');
    // "hat sich zuversichtlich gezeigt, dass …": a belief; "sagte Trump … über die Hamas" gives no second quote
    expect(quote(docs.de, 'die Verhandlungen über eine Waffenruhe')).toMatchObject({ attributionKind: 'belief', speaker: { name: 'Donald Trump' } });
    expect(docs.de.quotes.some((q) => q.text.startsWith('über die Hamas'))).toBe(false);
  });
});

describe('French', () => {
  it('sentences: "M. Netanyahou" ends no sentence', () => {
    expect(sentences(docs.fr)).toContain('« Israël gardera le contrôle de la sécurité », a déclaré M. Netanyahou.');
  });

  it('dates: "lundi soir", "la semaine prochaine", "il y a deux jours", "il y a vingt et un mois"', () => {
    expect(times(docs.fr)).toEqual({ 'lundi soir': '2025-07-07', dimanche: '2025-07-06', 'semaine prochaine': '2025-W29', 'Il y a deux jours': '2025-07-06', 'il y a vingt et un mois': '2023-10' });
    const t = (s: string) => extractTimes(s, 'fr', '2025-07-08').map((x) => [x.text, x.value]);
    expect(t("Il est arrivé le 1er mars, l'an dernier, et repart lundi prochain.")).toEqual([['le 1er mars', '2025-03-01'], ['an dernier', '2024'], ['lundi prochain', '2025-07-14']]);
  });

  it('figures: "57 000" (space-grouped), "deux millions", "3,8 milliards de dollars"', () => {
    expect(figure(docs.fr, 'plus de 57 000')).toMatchObject({ value: 57000, counts: 'personnes tués' });
    expect(figure(docs.fr, 'Environ deux millions')).toMatchObject({ value: 2_000_000 });
    expect(figure(docs.fr, '3,8 milliards de dollars')).toMatchObject({ value: 3_800_000_000, unit: 'USD' });
    expect(findNumbers('soixante-douze, quatre-vingt-dix-neuf, vingt et un, deux cents', 'fr').map((n) => n.value)).toEqual([72, 99, 21, 200]);
  });

  it('quotes: « … » with spaces; "a-t-il déclaré" takes the pronoun as speaker; selon', () => {
    expect(quote(docs.fr, 'Ils veulent se rencontrer')).toMatchObject({ kind: 'direct', speaker: { name: 'Donald Trump' } });
    expect(quote(docs.fr, 'Ils veulent se rencontrer')?.text).toBe('Ils veulent se rencontrer et ils veulent ce cessez-le-feu');
    expect(quote(docs.fr, 'Les discussions avancent')?.speaker?.name).toBe('Donald Trump');
    expect(quote(docs.fr, 'Israël gardera le contrôle')).toMatchObject({ kind: 'direct', cue: 'a déclaré', speaker: { name: 'Benyamin Netanyahou' } });
    // an unnamed source (the adjective after the noun is not part of the speaker phrase yet)
    expect(quote(docs.fr, 'doivent reprendre')).toMatchObject({ cue: 'selon', speaker: { name: 'un responsable', entity: null } });
    // the verb split around its subject is one cue: no reported clause "déclaré devant les journalistes"
    expect(docs.fr.quotes.some((q) => q.text.startsWith('déclaré'))).toBe(false);
  });
});

describe('Italian', () => {
  it('dates: "lunedì sera", "la settimana prossima", "due giorni fa", "ventuno mesi fa"', () => {
    expect(times(docs.it)).toEqual({ 'lunedì sera': '2025-07-07', domenica: '2025-07-06', 'settimana prossima': '2025-W29', 'Due giorni fa': '2025-07-06', 'ventuno mesi fa': '2023-10' });
    const t = (s: string) => extractTimes(s, 'it', '2025-07-08').map((x) => [x.text, x.value]);
    expect(t("Il 3 marzo e l'anno scorso; tra due settimane.")).toEqual([['Il 3 marzo', '2025-03-03'], ['anno scorso', '2024'], ['tra due settimane', '2025-07-22']]);
    expect(t('Tornò il primo maggio, dopo Pasqua 2025.')).toEqual([['il primo maggio', '2025-05-01'], ['Pasqua 2025', '2025-04-20']]);
  });

  it('figures: "57.500", "due milioni", "3,8 miliardi di dollari"', () => {
    expect(figure(docs.it, 'oltre 57.500')).toMatchObject({ value: 57500 });
    expect(figure(docs.it, 'Circa due milioni')).toMatchObject({ value: 2_000_000 });
    expect(figure(docs.it, '3,8 miliardi di dollari')).toMatchObject({ value: 3_800_000_000, unit: 'USD' });
    expect(findNumbers('ventitré, trentotto, duemila, centotre, tre quarti', 'it').map((n) => n.value)).toEqual([23, 38, 2000, 103, 0.75]);
  });

  it('quotes: «…», ha detto Trump; "il presidente" and "il premier" resolved through "il presidente americano Donald Trump"', () => {
    expect(quote(docs.it, 'Vogliono incontrarsi')).toMatchObject({ kind: 'direct', cue: 'ha detto', speaker: { name: 'Donald Trump' } });
    expect(quote(docs.it, 'I colloqui stanno')?.speaker?.name).toBe('Donald Trump');
    expect(quote(docs.it, 'Israele manterrà')?.speaker?.name).toBe('Benjamin Netanyahu');
    expect(quote(docs.it, 'Riprenderanno')).toMatchObject({ cue: 'secondo', speaker: { name: 'una fonte', entity: null } });
  });
});

describe('search over the three examples', () => {
  let store: Store;
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    const r = await ingestPaths(store, Object.values(FILES).map((f) => join(EXAMPLES, f)));
    expect(r.failures).toEqual([]);
  });
  afterAll(() => store.close());

  it('finds words case- and accent-folded in each language', async () => {
    const langs = async (q: string) => (await store.search(q)).hits.map((h) => h.language).sort();
    expect(await langs('waffenruhe')).toEqual(['de']);
    expect(await langs('negociations')).toEqual(['fr']);
    expect(await langs('sanita')).toEqual(['it']);
    expect(await langs('Netanyahu')).toEqual(['de', 'it']);
  });
});
