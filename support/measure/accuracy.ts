// The accuracy metrics pinned in bench/baseline.json: each group measures its metrics in one go, in
// percentage points (0-100), with the command that prints the same numbers in full.
import { measureNer } from './ner.ts';
import { measureQuotes } from './quotes.ts';
import { measureRedewiedergabe, measureSpkAtt } from './quotes-de.ts';
import { measureQuotesNl } from './quotes-nl.ts';
import { prf } from '../../scripts/attribution/spkatt.ts';
import { measureTimesRecognizers, measureTimesTempeval, timeRates, timeResolved } from './times.ts';
import { measureBbcDates } from './times-bbc.ts';
import { measureTimexEs } from './times-es.ts';
import { measureRecognizersDates, recognizersDatesName } from './times-parser.ts';
import { measureBbcFigures } from './figures-bbc.ts';
import { measureCurrency, measureNumbers, figureF1, figureResolved, type FigureScore } from './figures.ts';
import { measureEntityResolution } from './global-entities-ecbplus.ts';
import { measureStories } from './stories-quality.ts';
import { measureExtraction, TRAF, ZYTE } from './extract.ts';
import { dataSetOf } from '../data.ts';
import { nerFile } from '../../src/analysis/mentions/ner/formats.ts';
import { languagesWithDataset, nerDataset, recognizersPrefix } from '../../src/lang/registry.ts';

export interface MetricGroup {
  name: string;
  /** The command that prints these numbers with their context (and errors, where it can). */
  command: string;
  /** The data sets it reads (top folders of the data folder: support/data.ts). */
  needs: string[];
  /** Each metric's id and what it is. */
  metrics: Record<string, string>;
  /** The value of every metric in `metrics`, in points. */
  measure(): Promise<Record<string, number>>;
}

const pts = (x: number) => 100 * x;
const NER_TYPES = ['LOC', 'MISC', 'ORG', 'PER'];
/** Languages measured on Recognizers-Text specs (language.json datasets.recognizers). */
const RECOGNIZERS_LANGS = languagesWithDataset('recognizers');

/** The entity types a language's development set has (its dev entry's `types`, else all four). */
const nerTypes = (lang: string) => nerFile(nerDataset(lang)!.dev).types ?? NER_TYPES;
const nerGroup = (lang: string): MetricGroup => ({
  name: `NER ${lang}`,
  command: `npm run bench:ner -- --lang ${lang} --runs 1`,
  needs: [dataSetOf(nerFile(nerDataset(lang)!.dev).file)],
  metrics: {
    [`ner.${lang}.f1`]: `${nerDataset(lang)!.name}: entity F1, all types (conlleval: exact span and type)`,
    ...Object.fromEntries(nerTypes(lang).map((t) => [`ner.${lang}.${t}.f1`, `${nerDataset(lang)!.name}: entity F1 of ${t}`])),
  },
  async measure() {
    const s = await measureNer(lang);
    return { [`ner.${lang}.f1`]: pts(s.overall.f1), ...Object.fromEntries(nerTypes(lang).map((t) => [`ner.${lang}.${t}.f1`, pts(s.byType[t]?.f1 ?? 0)])) };
  },
});

const quotesGroup: MetricGroup = {
  name: 'quotes',
  command: 'npm run bench:quotes -- --errors 50',
  needs: ['polnear'],
  metrics: {
    'quotes.overlap.f1': 'PolNeAR dev: quote content F1, overlap match (>= 50% of the word tokens both ways)',
    'quotes.exact.f1': 'PolNeAR dev: quote content F1, exact match (the same word tokens)',
    'quotes.recall.direct': 'PolNeAR dev: recall of gold contents that open with a quotation mark',
    'quotes.recall.indirect': 'PolNeAR dev: recall of the other gold contents (reported speech)',
    'quotes.speaker.accuracy': 'PolNeAR dev: speaker right on overlap-matched quotes with a gold Source',
  },
  async measure() {
    const c = await measureQuotes();
    const p = c.matched / c.nPred;
    const r = c.matched / c.nGold;
    return {
      'quotes.overlap.f1': p + r ? pts((2 * p * r) / (p + r)) : 0,
      'quotes.exact.f1': c.exact ? pts((2 * c.exact) / (c.nPred + c.nGold)) : 0,
      'quotes.recall.direct': pts(c.goldDirectFound / c.goldDirect),
      'quotes.recall.indirect': pts(c.goldIndirectFound / c.goldIndirect),
      'quotes.speaker.accuracy': pts(c.speakerRight / c.speakerScored),
    };
  },
};

const quotesDeGroup: MetricGroup = {
  name: 'quotes-de',
  command: 'npm run bench:quotes-de',
  needs: ['spkatt2023', 'redewiedergabe'],
  metrics: {
    'quotes-de.spkatt.cue.f1': "SpkAtt-2023 dev: cue F1 of the German attribution model (the shared task's token-level scoring)",
    'quotes-de.spkatt.source.f1': 'SpkAtt-2023 dev: Source F1, full task (the model finds the cues)',
    'quotes-de.spkatt.message.f1': 'SpkAtt-2023 dev: Message F1, full task',
    'quotes-de.redewiedergabe.direct.recall': 'REDEWIEDERGABE, each tenth sample: recall of direct speech/thought/writing by the quotes layer',
    'quotes-de.redewiedergabe.indirect.recall': 'REDEWIEDERGABE, each tenth sample: recall of indirect speech/thought/writing by the quotes layer',
  },
  async measure() {
    const s = measureSpkAtt();
    const r = measureRedewiedergabe();
    return {
      'quotes-de.spkatt.cue.f1': prf(s.full.cue).f1,
      'quotes-de.spkatt.source.f1': prf(s.full.byRole.Source).f1,
      'quotes-de.spkatt.message.f1': prf(s.full.byRole.Message).f1,
      'quotes-de.redewiedergabe.direct.recall': pts(r.all.direct.found / r.all.direct.gold),
      'quotes-de.redewiedergabe.indirect.recall': pts(r.all.indirect.found / r.all.indirect.gold),
    };
  },
};

const quotesNlGroup: MetricGroup = {
  name: 'quotes-nl',
  command: 'npm run bench:quotes-nl',
  needs: [],
  metrics: {
    'quotes-nl.found': 'Dutch hand-labelled passages (test/fixtures/quotes-nl-attributions.json): share of the attributions found, rules + neutral model',
    'quotes-nl.speaker.right': 'Dutch hand-labelled passages: share of the attributions found with the right speaker',
  },
  async measure() {
    const { passages: p } = measureQuotesNl();
    return { 'quotes-nl.found': pts(p.found / p.gold), 'quotes-nl.speaker.right': pts(p.speakerRight / p.gold) };
  },
};

const TIME_SETS: [string, string, () => ReturnType<typeof measureTimesTempeval>][] = [
  ...RECOGNIZERS_LANGS.map((lang): (typeof TIME_SETS)[number] => {
    return [`recognizers.${lang}`, `${recognizersDatesName(lang)}, date and date-range cases`, () => measureRecognizersDates(lang)];
  }),
  ['tempeval3', 'TempEval-3 TIMEX3 type DATE', () => measureTimesTempeval()],
];
const timesGroup: MetricGroup = {
  name: 'times',
  command: 'npm run bench:times -- --errors',
  needs: ['recognizers-text', 'tempeval3'],
  metrics: Object.fromEntries(
    TIME_SETS.flatMap(([id, what]) => [
      [`times.${id}.f1`, `${what}: span F1 by overlap`],
      [`times.${id}.value`, `${what}: value accuracy on found spans`],
      [`times.${id}.valueF1`, `${what}: value F1 (span F1 × value accuracy, as TempEval-3 scores attributes)`],
      ...(id.startsWith('recognizers.') ? [[`times.${id}.resolved`, `${what}: share of the valued gold dates of the cases the reference (dotnet) passes found with a right value`]] : []),
    ]),
  ),
  async measure() {
    return Object.fromEntries(
      TIME_SETS.flatMap(([id, , measure]) => {
        const s = measure();
        const r = timeRates(s);
        return [
          [`times.${id}.f1`, pts(r.f1)],
          [`times.${id}.value`, pts(r.valueAcc)],
          [`times.${id}.valueF1`, pts(r.valueF1)],
          ...(id.startsWith('recognizers.') ? [[`times.${id}.resolved`, pts(timeResolved(s))]] : []),
        ];
      }),
    );
  },
};

const timexEsGroup: MetricGroup = {
  name: 'times on the Spanish TimeBank',
  command: 'npm run bench:times-es -- --errors',
  needs: ['timex-es'],
  metrics: {
    'times.timex-es.f1': 'Spanish TimeBank (TempEval-3 Spanish) train, TIMEX3 type DATE: span F1 by overlap',
    'times.timex-es.value': 'Spanish TimeBank (TempEval-3 Spanish) train, TIMEX3 type DATE: value accuracy on found spans',
    'times.timex-es.valueF1': 'Spanish TimeBank (TempEval-3 Spanish) train, TIMEX3 type DATE: value F1 (span F1 × value accuracy)',
  },
  async measure() {
    const r = timeRates(measureTimexEs());
    return { 'times.timex-es.f1': pts(r.f1), 'times.timex-es.value': pts(r.valueAcc), 'times.timex-es.valueF1': pts(r.valueF1) };
  },
};

const bbcDatesGroup: MetricGroup = {
  name: 'times on BBC',
  command: 'npm run bench:times-bbc -- --errors',
  needs: ['bbc'],
  metrics: {
    'times.bbc.invented':
      'BBC News (2004-05): minus the number of timeline and story dates outside 1990-2006 whose year the text does not write as a date (0 is best; an invented date fails)',
    'times.bbc.afterPeriod':
      'BBC News (2004-05): minus the number of timeline and story dates after 2005-12-31, the corpus period (deadlines and plans taken for happenings: "until 15 July 2006"; 0 is best)',
  },
  async measure() {
    const s = measureBbcDates();
    if (!s) throw new Error('times on BBC: the BBC News corpus is missing (../shared/data/bbc)');
    return { 'times.bbc.invented': -s.invented, 'times.bbc.afterPeriod': -s.afterPeriod };
  },
};

const QUANTITY_SETS: [string, string, (lang: string) => FigureScore][] = [
  ['numbers', 'Recognizers-Text NumberModel (number recogniser)', measureNumbers],
  ['currency', 'Recognizers-Text CurrencyModel (money amounts)', measureCurrency],
];
const figuresGroup: MetricGroup = {
  name: 'figures',
  command: 'npm run bench:figures -- --errors',
  needs: ['recognizers-text'],
  metrics: Object.fromEntries(
    QUANTITY_SETS.flatMap(([kind, what]) =>
      RECOGNIZERS_LANGS.flatMap((lang) => [
        [`figures.${kind}.${lang}.f1`, `${what}, ${lang}: span F1 by overlap`],
        [`figures.${kind}.${lang}.value`, `${what}, ${lang}: value accuracy on found spans`],
        ...(kind === 'currency' ? [[`figures.${kind}.${lang}.currency`, `${what}, ${lang}: currency accuracy on found spans`]] : []),
        [`figures.${kind}.${lang}.resolved`, `${what}, ${lang}: share of the gold results of the cases the reference (dotnet) passes found with the right value${kind === 'currency' ? ' and currency' : ''}`],
      ]),
    ),
  ),
  async measure() {
    return Object.fromEntries(
      QUANTITY_SETS.flatMap(([kind, , measure]) =>
        RECOGNIZERS_LANGS.flatMap((lang) => {
          const s = measure(lang);
          return [
            [`figures.${kind}.${lang}.f1`, pts(figureF1(s))],
            [`figures.${kind}.${lang}.value`, pts(s.valued ? s.valueOk / s.valued : 0)],
            ...(kind === 'currency' ? [[`figures.${kind}.${lang}.currency`, pts(s.united ? s.unitOk / s.united : 0)]] : []),
            [`figures.${kind}.${lang}.resolved`, pts(figureResolved(s))],
          ];
        }),
      ),
    );
  },
};

const entitiesGroup: MetricGroup = {
  name: 'cross-article entities',
  command: 'node bin/run-ts.js bench/global-entities-ecbplus.ts',
  needs: ['ecbplus'],
  metrics: {
    'entities.ecbplus.b3.f1': 'ECB+ (772 articles): B-cubed F1 of the cross-article entity resolver on proper-name mentions',
    'entities.ecbplus.b3.p': 'ECB+ (772 articles): B-cubed precision of the cross-article entity resolver (goal: not below 97)',
    'entities.ecbplus.b3.r': 'ECB+ (772 articles): B-cubed recall of the cross-article entity resolver (goal: 92)',
  },
  async measure() {
    const { resolver } = measureEntityResolution();
    return { 'entities.ecbplus.b3.f1': pts(resolver.f), 'entities.ecbplus.b3.p': pts(resolver.p), 'entities.ecbplus.b3.r': pts(resolver.r) };
  },
};

const storiesGroup: MetricGroup = {
  name: 'stories',
  command: 'npm run bench:stories-quality',
  needs: ['ecbplus'],
  metrics: {
    'stories.ecbplus.events.b3.f1': 'ECB+ (772 articles, 66 subtopics): event clustering B-cubed F1, pipeline entities, mean of 3 orders',
    'stories.ecbplus.events.pairwise.f1': 'ECB+: event clustering pairwise F1, pipeline entities, mean of 3 orders',
    'stories.ecbplus.storylines.b3.f1': 'ECB+: storyline clustering B-cubed F1, pipeline entities, mean of 3 orders',
  },
  async measure() {
    const { mean } = (await measureStories({ goldNames: false })).modes[0];
    return {
      'stories.ecbplus.events.b3.f1': pts(mean.eb.f),
      'stories.ecbplus.events.pairwise.f1': pts(mean.ep.f),
      'stories.ecbplus.storylines.b3.f1': pts(mean.sb.f),
    };
  },
};

const bbcFiguresGroup: MetricGroup = {
  name: 'figures on BBC',
  command: 'npm run bench:figures-bbc -- --errors',
  needs: ['bbc'],
  metrics: {
    'figures.bbc.yearsAsCounts':
      'BBC News (2004-05): minus the number of figures written like a year (four digits 1900-2030, no separator or unit) that count something ("2005 sales") (0 is best; a year read as a count fails)',
    'figures.bbc.timeOrUnitRows':
      'BBC News (2004-05): minus the number of comparison rows named by a time, clock-zone or unit word ("Gmt", "Times", "Years")',
  },
  async measure() {
    const s = measureBbcFigures();
    if (!s) throw new Error('figures on BBC: the BBC News corpus is missing (../shared/data/bbc)');
    return { 'figures.bbc.yearsAsCounts': -s.yearsAsCounts, 'figures.bbc.timeOrUnitRows': -s.timeOrUnitRows };
  },
};

const extractGroup: MetricGroup = {
  name: 'main-content extraction',
  command: 'npm run bench:extract',
  needs: [ZYTE, TRAF],
  metrics: {
    'extract.zyte.f1': 'Zyte article-extraction-benchmark (91 pages): F1 of 4-gram shingle precision and recall averaged over pages (evaluate.py)',
    'extract.zyte.precision': 'Zyte article-extraction-benchmark: shingle precision averaged over pages',
    'extract.zyte.recall': 'Zyte article-extraction-benchmark: shingle recall averaged over pages',
    'extract.traf.f1': 'trafilatura-eval (495 pages): F1 of the with/without segments found in the text (eval_common.py)',
    'extract.traf.precision': 'trafilatura-eval: segment precision (with found / all found)',
    'extract.traf.recall': 'trafilatura-eval: segment recall (with found / all with)',
    'extract.title.exact': 'trafilatura-eval: title equal to the annotated one after whitespace normalisation',
    'extract.date.right': 'trafilatura-eval: publication date on the annotated day (pages with a date annotated)',
  },
  async measure() {
    const r = await measureExtraction();
    const { zyte, traf } = r;
    return {
      'extract.zyte.f1': pts(zyte.score.f1),
      'extract.zyte.precision': pts(zyte.score.precision),
      'extract.zyte.recall': pts(zyte.score.recall),
      'extract.traf.f1': pts(traf.score.f1),
      'extract.traf.precision': pts(traf.score.precision),
      'extract.traf.recall': pts(traf.score.recall),
      'extract.title.exact': pts(traf.title.right / traf.title.of),
      'extract.date.right': pts(traf.date.right / traf.date.of),
    };
  },
};

export const ACCURACY_GROUPS: MetricGroup[] = [...languagesWithDataset('ner').map(nerGroup), quotesGroup, quotesDeGroup, quotesNlGroup, timesGroup, timexEsGroup, bbcDatesGroup, figuresGroup, bbcFiguresGroup, entitiesGroup, storiesGroup, extractGroup];
