// Recognizers-Text date cases of a language without a DateTimeModel spec (Swedish): the DateParser
// cases (Results with Text, Start, Length and Value.Timex / FutureResolution / PastResolution),
// anchored on Context.ReferenceDateTime, scored like the DateTimeModel cases in times.ts. Cases the
// reference implementation itself misses (NotSupported naming dotnet) are left out.
import { existsSync } from 'node:fs';
import { extractTimes } from '../../src/analysis/times/extract.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import { recognizersPrefix } from '../../src/lang/registry.ts';
import { dataPath } from '../data.ts';
import { placeResult, recognizersCases } from './data-sets.ts';
import { measureTimesRecognizers, newScore, scoreDoc, type Gold, type TimeScore } from './times.ts';

interface ParserCase {
  Input: string;
  Context?: { ReferenceDateTime?: string };
  NotSupported?: string;
  Results?: { Text: string; Type?: string; Start?: number; Length?: number; Value?: { Timex?: string; FutureResolution?: { date?: string }; PastResolution?: { date?: string } } }[];
}

const IN_SCOPE = new Set(['date', 'daterange']);

/** "XXXX-10-02" -> "--10-02" (as times.ts normalises Recognizers timexes). */
const timex = (t: string) => t.replace(/^XXXX-(\d\d(?:-\d\d)?)$/, '--$1');

/** Scores the cases of a DateParser spec file. */
export function measureTimesParser(file: string, lang: string, errors?: string[]): TimeScore {
  const s = newScore();
  for (const c of recognizersCases<ParserCase>(file)) {
    if (/dotnet/i.test(c.NotSupported ?? '')) continue;
    const text = c.Input;
    const gold: Gold[] = [];
    for (const r of c.Results ?? []) {
      const { start, end } = placeResult(text, { Text: r.Text, Start: r.Start, End: r.Start !== undefined && r.Length !== undefined ? r.Start + r.Length - 1 : undefined });
      if (start < 0 || !r.Text) continue;
      const values = [r.Value?.Timex && timex(r.Value.Timex), r.Value?.FutureResolution?.date, r.Value?.PastResolution?.date].filter((v): v is string => !!v);
      gold.push({ start, end, inScope: IN_SCOPE.has(r.Type ?? ''), values });
    }
    scoreDoc(s, extractTimes(text, lang, c.Context?.ReferenceDateTime ?? null, segmentSentences(text, lang)), gold, errors, text, true);
  }
  return s;
}

/** The Recognizers-Text date cases of a language: its DateTimeModel spec, else its DateParser spec. */
export function measureRecognizersDates(lang: string, errors?: string[]): TimeScore {
  const prefix = recognizersPrefix(lang)!;
  const model = `${prefix}-DateTime-DateTimeModel.json`;
  if (existsSync(dataPath('recognizers-text', model))) return measureTimesRecognizers(model, lang, errors);
  return measureTimesParser(`${prefix}-DateTime-DateParser.json`, lang, errors);
}

/** What measureRecognizersDates reads for a language, for reports. */
export function recognizersDatesName(lang: string): string {
  const prefix = recognizersPrefix(lang)!;
  return existsSync(dataPath('recognizers-text', `${prefix}-DateTime-DateTimeModel.json`)) ? `Recognizers-Text ${prefix} DateTimeModel` : `Recognizers-Text ${prefix} DateParser`;
}
