// German attribution measured on the two German data sets (issue 12):
// - SpkAtt-2023 dev (German Bundestag speeches): cue, Source and Message F1 of the attribution model
//   with the shared task's own scoring (scripts/attribution/spkatt.ts), in the full task (the model's
//   own cues) and with the gold cues given (the task's roles-only subtask);
// - REDEWIEDERGABE (historical German fiction and newspapers): recall of direct and indirect speech,
//   thought and writing by the whole quotes layer (rules + model), on each tenth sample (the part the
//   German model never trains on). A representation is found when a quote shares at least half of
//   its word tokens, and at least half of the quote's word tokens are in it.
import { join } from 'node:path';
import { extractQuotes } from '../../src/analysis/quotes/extract.ts';
import { attributionModel } from '../../src/analysis/quotes/model/model.ts';
import { loadRedewiedergabe, type StwrType } from '../../scripts/attribution/redewiedergabe.ts';
import { evaluateSpkAtt, loadSpkAtt, type SpkAttCounts } from '../../scripts/attribution/spkatt.ts';
import { analyzedDoc } from '../analyzed-doc.ts';
import { dataRoot } from '../data.ts';

export interface SpkAttResult {
  /** Which model file was measured ("de", or "neutral" when German has none). */
  model: string;
  speeches: number;
  cues: number;
  full: SpkAttCounts;
  goldCues: SpkAttCounts;
  /** Milliseconds for both runs. */
  ms: number;
}

export function measureSpkAtt(data = dataRoot()): SpkAttResult {
  const model = attributionModel('de');
  if (!model) throw new Error('no attribution model for German (models/attribution/de.model.gz or neutral.model.gz)');
  const dev = loadSpkAtt(join(data, 'spkatt2023', 'dev'));
  const t0 = performance.now();
  const full = evaluateSpkAtt(model, dev);
  const goldCues = evaluateSpkAtt(model, dev, true);
  return { model: model.meta.lang, speeches: dev.length, cues: dev.reduce((n, d) => n + d.annotations.length, 0), full, goldCues, ms: performance.now() - t0 };
}

export interface RecallCount {
  gold: number;
  found: number;
}
export interface RedewiedergabeResult {
  samples: number;
  /** By STWR type (an annotation of two types counts for both), all samples and non-fiction only. */
  all: Record<'direct' | 'indirect', RecallCount>;
  nonFiction: Record<'direct' | 'indirect', RecallCount>;
  quotes: number;
}

/** Non-fiction samples: the Grenzboten magazine and the MKHZ newspapers (file names rwk_grenz_…, rwk_mkhz_…). */
const nonFiction = (sample: string) => /^rwk_(grenz|mkhz)_/.test(sample);

export function measureRedewiedergabe(data = dataRoot()): RedewiedergabeResult {
  const docs = loadRedewiedergabe(join(data, 'redewiedergabe', 'tsv'), 'dev');
  const empty = () => ({ direct: { gold: 0, found: 0 }, indirect: { gold: 0, found: 0 } });
  const res: RedewiedergabeResult = { samples: docs.length, all: empty(), nonFiction: empty(), quotes: 0 };
  for (const d of docs) {
    const quotes = extractQuotes(analyzedDoc(d.ctx.text, 'de'));
    res.quotes += quotes.length;
    const words = (s: number, e: number) => {
      const out = new Set<number>();
      d.ctx.toks.forEach((t, i) => {
        if (t.kind !== 'punct' && t.start >= s && t.end <= e) out.add(i);
      });
      return out;
    };
    const quoteWords = quotes.map((q) => words(q.start, q.end));
    d.stwr.forEach((s, k) => {
      const gold = d.contentToks[k];
      if (!gold.length) return;
      const found = quoteWords.some((qw) => {
        let inter = 0;
        for (const t of gold) if (qw.has(t)) inter++;
        return inter * 2 >= gold.length && inter * 2 >= qw.size;
      });
      for (const type of ['direct', 'indirect'] as const satisfies readonly StwrType[]) {
        if (!s.types.includes(type)) continue;
        for (const into of nonFiction(d.sample) ? [res.all, res.nonFiction] : [res.all]) {
          into[type].gold++;
          if (found) into[type].found++;
        }
      }
    });
  }
  return res;
}
