// `dossier stats` and `dossier serve` say when stored articles were analysed by another version of
// Dossier (its analysis code, models or language data changed), and which command fixes it.
import { describe, expect, it } from 'vitest';
import { analysisVersion } from '../../src/analysis/version.ts';
import { outdatedNote } from '../../src/cli/context.ts';
import { createAnalyzer } from '../../src/analyze.ts';
import type { StoreStats } from '../../src/store/store.ts';

const stats = (analysisVersions: StoreStats['analysisVersions']): StoreStats => ({
  articles: analysisVersions.reduce((n, v) => n + v.articles, 0),
  analysisVersions,
  byLanguage: [],
  bySource: [],
  dateRange: { from: null, to: null },
  undated: 0,
  counts: { entities: 0, mentions: 0, quotes: 0, figures: 0, times: 0 },
  sizeBytes: 0,
  schemaVersion: 5,
});

describe('the analysis version', () => {
  it('is the package version and a digest of what decides the layers, stamped on every analysed article', async () => {
    expect(analysisVersion()).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    const analyzer = await createAnalyzer();
    const doc = await analyzer.analyze({ file: 'x.txt', format: 'txt', raw: 'Netanyahu met Blinken in Jerusalem on Monday.', original: '', meta: {} });
    expect(doc.analysisVersion).toBe(analysisVersion());
  });

  it('names the articles another version analysed, and says to reanalyze', () => {
    expect(outdatedNote(stats([{ version: analysisVersion(), articles: 7 }]))).toBeNull();
    expect(outdatedNote(stats([]))).toBeNull();
    const note = outdatedNote(stats([{ version: analysisVersion(), articles: 7 }, { version: '0.0.9+0123456789ab', articles: 2 }, { version: null, articles: 1 }]));
    expect(note).toBe(`3 of 10 article(s) were analysed by another version of Dossier (this one is ${analysisVersion()}): run \`dossier reanalyze\` to bring them up to date`);
  });
});
