// The entities step: named-entity mentions from the statistical tagger over the article's
// sentences, resolved within the article into entities with their mentions (names, role
// references, pronouns) and roles/titles. Languages without a shipped NER model get no entities.
import type { AnalysisStep } from '../step.ts';
import type { EntityLayer, Sentence } from '../../types.ts';
import { hasNerModel, loadNerModel } from './ner/model.ts';
import { tagArticle } from './mentions.ts';
import { resolveEntities } from './resolve.ts';
import { entityLanguage } from './language.ts';
import { segmentSentences } from '../sentences/segment.ts';

export { loadNerModel, hasNerModel } from './ner/model.ts';
export { tagTokens, tagDocument } from './ner/tagger.ts';
export { tagConll } from './ner/conll.ts';
export { tokenize } from './ner/tokenize.ts';

/** Entities of an article: `text` with its sentence spans (segmented here when not given). */
export function findEntities(text: string, lang: string, sentences?: readonly Sentence[], modelDir?: string): EntityLayer[] {
  if (!hasNerModel(lang, modelDir)) return [];
  const model = loadNerModel(lang, modelDir);
  const sents = sentences && sentences.length ? sentences : segmentSentences(text, lang);
  const art = tagArticle(text, sents, lang, model);
  return resolveEntities(text, art, entityLanguage(lang));
}

export const entitiesStep: AnalysisStep = {
  name: 'entities',
  run: (doc) => ({ entities: findEntities(doc.text, doc.language, doc.sentences) }),
};
