// The API's shapes (src/api, inferred from its zod schemas) are the shapes the pipeline and the story
// views build: the article layers of src/types.ts and the story pieces of src/corpus/stories. Checked
// by the compiler (tsc) and by vitest's type assertions.
import { describe, expectTypeOf, it } from 'vitest';
import type * as api from '../../src/api/index.ts';
import type * as core from '../../src/types.ts';
import type { Evidence } from '../../src/corpus/stories/evidence.ts';
import type { FigureClaim, FigureRowView } from '../../src/corpus/stories/figures.ts';
import type { LabelledEntity, Span } from '../../src/corpus/stories/labels.ts';
import type { SourceBasis, SourceRef } from '../../src/corpus/stories/sources.ts';
import type { TimelineEvidence, TimelineItem } from '../../src/corpus/stories/timeline.ts';
import type { Coverage, SourceVoice } from '../../src/corpus/stories/compare.ts';
import type { LoadedTermUse, VoiceOf } from '../../src/corpus/stories/voice.ts';
import type { ClusterLevel } from '../../src/corpus/stories/shapes.ts';
import type { StoredArticle } from '../../src/store/store.ts';

describe('the API shapes are the shapes the code builds', () => {
  it('article layers (src/types.ts)', () => {
    expectTypeOf<api.Span>().toEqualTypeOf<core.Span>();
    expectTypeOf<api.Removed>().toEqualTypeOf<core.Removed>();
    expectTypeOf<api.Sentence>().toEqualTypeOf<core.Sentence>();
    expectTypeOf<api.Mention>().toEqualTypeOf<core.Mention>();
    expectTypeOf<api.EntityLayer>().toEqualTypeOf<core.EntityLayer>();
    expectTypeOf<api.Quote>().toEqualTypeOf<core.Quote>();
    expectTypeOf<api.Figure>().toEqualTypeOf<core.Figure>();
    expectTypeOf<api.TimeExpr>().toEqualTypeOf<core.TimeExpr>();
    expectTypeOf<api.EntityType>().toEqualTypeOf<core.EntityType>();
  });

  it('the stored article is the analysed article with its storage facts', () => {
    expectTypeOf<Omit<StoredArticle, 'ingestedAt' | 'analyzedAt' | 'contentHash' | 'raw' | 'syndication'>>().toEqualTypeOf<core.AnalyzedArticle>();
    expectTypeOf<StoredArticle['raw']['meta']>().toEqualTypeOf<core.RawMeta>();
    expectTypeOf<StoredArticle['raw']['format']>().toEqualTypeOf<core.RawArticle['format']>();
  });

  it('story pieces (src/corpus/stories)', () => {
    expectTypeOf<api.StorySpan>().toEqualTypeOf<Span>();
    expectTypeOf<api.LabelledEntity>().toEqualTypeOf<LabelledEntity>();
    expectTypeOf<api.SourceRef>().toEqualTypeOf<SourceRef>();
    expectTypeOf<api.SourceBasis>().toEqualTypeOf<SourceBasis>();
    expectTypeOf<api.ClusterLevel>().toEqualTypeOf<ClusterLevel>();
    expectTypeOf<api.Evidence>().toEqualTypeOf<Evidence>();
    expectTypeOf<api.TimelineEvidence>().toEqualTypeOf<TimelineEvidence>();
    expectTypeOf<api.TimelineItem>().toEqualTypeOf<TimelineItem>();
    expectTypeOf<api.VoiceOf>().toEqualTypeOf<VoiceOf>();
    expectTypeOf<api.LoadedTermUse>().toEqualTypeOf<LoadedTermUse>();
    expectTypeOf<api.FigureClaim>().toEqualTypeOf<FigureClaim>();
    expectTypeOf<api.FigureRowView>().toEqualTypeOf<FigureRowView>();
    expectTypeOf<api.SourceVoice>().toEqualTypeOf<SourceVoice>();
    expectTypeOf<api.Coverage>().toEqualTypeOf<Coverage>();
  });
});
