// The entities step: named-entity mentions from a name tagger over the article's sentences,
// resolved within the article into entities with their mentions (names, role references,
// pronouns) and roles/titles. The tagger is the shipped statistical one (languages without a
// shipped NER model get no entities) unless the step context gives another (see name-tagger.ts).
import type { AnalysisStep, StepContext } from '../step.ts';
import type { EntityLayer, Sentence } from '../../types.ts';
import { tagArticle, tokenizeArticle } from './tag-article.ts';
import { resolveEntities } from './coreference.ts';
import { entityLanguage } from './language.ts';
import { segmentSentences } from '../sentences/segment.ts';
import { builtinNameTagger, precomputedNameTagger, type NameTagger } from './name-tagger.ts';

const builtin = builtinNameTagger();

/** Entities of an article: `text` with its sentence spans (segmented here when not given), names
 *  tagged by the shipped model of `lang` (or the one in `modelDir`). */
export function findEntities(text: string, lang: string, sentences?: readonly Sentence[], modelDir?: string): EntityLayer[] {
  const sents = sentences?.length ? sentences : segmentSentences(text, lang);
  return findEntitiesWith(modelDir ? builtinNameTagger(modelDir) : builtin, text, lang, sents);
}

/** Entities of an article (text and its sentences) with names tagged by `tagger`; none when it does not handle `lang`. */
function findEntitiesWith(tagger: NameTagger, text: string, lang: string, sentences: readonly Sentence[]): EntityLayer[] {
  if (!tagger.handles(lang)) return [];
  const art = tagArticle(text, sentences, lang, (words) => tagger.tag(words, lang));
  return resolveEntities(text, art, entityLanguage(lang));
}

export const entitiesStep: AnalysisStep = {
  name: 'entities',
  needs: ['sentences'],
  adds: ['entities'],
  /** With an asynchronous tagger in the context (an ONNX model), tags the article's words now and
   *  passes the tags on to `run`. */
  async prepare(doc, ctx): Promise<StepContext> {
    const tagger = ctx.asyncNames;
    if (!tagger || !tagger.handles(doc.language)) return ctx;
    const { words } = tokenizeArticle(doc.text, doc.sentences, doc.language);
    const tags = await tagger.tag(words, doc.language);
    return { ...ctx, names: precomputedNameTagger(words, tags) };
  },
  run(doc, ctx) {
    if (ctx?.asyncNames && !ctx.names && ctx.asyncNames.handles(doc.language)) {
      throw new Error(`the entities step was given the asynchronous tagger ${ctx.asyncNames.name} without running prepare (use runStepsAsync)`);
    }
    return { entities: findEntitiesWith(ctx?.names ?? builtin, doc.text, doc.language, doc.sentences) };
  },
};
