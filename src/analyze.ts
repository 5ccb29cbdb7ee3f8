// One article from raw input to every analysis layer: clean -> detect language -> analysis steps.
// This is the in-process library entry (`import { createAnalyzer } from 'dossier'`), `dossier
// analyze`, and the clean and analyse stages of the pipeline (src/pipeline) that ingest, uploads and
// reanalysis run, so every surface gives the same result.
import { createHash } from 'node:crypto';
import { cleanArticle } from './clean/index.ts';
import { languageDetector } from './lang/detect.ts';
import { isSupported } from './lang/registry.ts';
import { hasNerModel } from './analysis/mentions/ner/model.ts';
import { runSteps, runStepsAsync, selectSteps } from './analysis/pipeline.ts';
import { analysisVersion } from './analysis/version.ts';
import { loadOnnxNameTagger, type OnnxNameTagger } from './analysis/mentions/onnx/index.ts';
import type { AnalyzedArticle, LanguageSupportNote, RawArticle } from './types.ts';

export interface Analyzer {
  /** Full analysis of one raw article. `id` is derived from the content hash. */
  analyze(raw: RawArticle): Promise<AnalyzedArticle>;
  /** Frees the ONNX model, if one was loaded. */
  close(): Promise<void>;
}

export interface AnalyzerOptions {
  /** A local ONNX token-classification model (Hugging Face export) that tags names instead of the
   *  shipped statistical models, in every language (see src/analysis/mentions/onnx). */
  nerModelDir?: string;
  /** Where @huggingface/transformers is installed (default extras/onnx-ner). */
  onnxRuntimeDir?: string;
}

/** Steps that run for languages without full support (no rules or models for the other layers). */
const LANGUAGE_NEUTRAL_STEPS = ['sentences'];
/** With an ONNX model, which the user chose for the languages they give it, names too. */
const LANGUAGE_NEUTRAL_STEPS_WITH_MODEL = ['sentences', 'entities'];

/** The layers an article gets in a fully supported language, as the note on a partial one names them. */
const LAYERS = ['entities', 'quotes', 'figures', 'times'] as const;

/**
 * What an article in `language` will not get, when anything: every layer but those of `ran` when
 * the language has no data folder, and the entities when no tagger handles it. Undefined when
 * every layer is analysed, so the JSON of fully supported articles has no such field.
 */
export function languageSupportNote(language: string, ran: readonly string[] | undefined, tagsNames: boolean): LanguageSupportNote | undefined {
  const layers = LAYERS.filter((l) => (ran && !ran.includes(l)) || (l === 'entities' && !tagsNames));
  if (layers.length === 0) return undefined;
  const reason =
    language === 'und'
      ? 'the language of the article could not be told'
      : ran
        ? `"${language}" is not a supported language (no src/lang/${language}/language.json)`
        : `no name-tagging model for "${language}" (models/ner/${language}.model.gz, made by npm run train:ner)`;
  return { layers, reason };
}

/**
 * The article's identity: SHA-256 of its raw text with whitespace collapsed, so the same article
 * re-read (other line endings, other file name) is recognised as already stored.
 */
export function contentHash(raw: RawArticle): string {
  return createHash('sha256').update(raw.raw.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** The article id shown to users: the first 16 hex digits of the content hash. */
export function articleId(hash: string): string {
  return hash.slice(0, 16);
}

export async function createAnalyzer(opts: AnalyzerOptions = {}): Promise<Analyzer> {
  const onnx: OnnxNameTagger | null = opts.nerModelDir ? await loadOnnxNameTagger(opts.nerModelDir, { runtimeDir: opts.onnxRuntimeDir }) : null;
  const detect = await languageDetector();
  // the steps run for unsupported languages are checked now (the full order is checked when loaded)
  selectSteps(onnx ? LANGUAGE_NEUTRAL_STEPS_WITH_MODEL : LANGUAGE_NEUTRAL_STEPS);
  return {
    async close() {
      await onnx?.dispose();
    },
    async analyze(raw) {
      const clean = cleanArticle(raw);
      const guess = detect([clean.title ?? '', clean.text].join('\n'), raw.meta.language);
      const supported = isSupported(guess.language);
      const only = supported ? undefined : onnx ? LANGUAGE_NEUTRAL_STEPS_WITH_MODEL : LANGUAGE_NEUTRAL_STEPS;
      // An ONNX model tags names in every language; the shipped tagger where it has a model.
      const note = languageSupportNote(guess.language, only, onnx !== null || hasNerModel(guess.language));
      const doc: AnalyzedArticle = {
        file: raw.file,
        id: articleId(contentHash(raw)),
        title: clean.title,
        dek: clean.dek,
        byline: clean.byline,
        source: clean.source,
        url: clean.url,
        language: guess.language,
        languageConfidence: guess.confidence,
        languageSupported: supported,
        ...(note && { unsupported: note }),
        publishedAt: clean.publishedAt,
        publishedAtFrom: clean.publishedAtFrom,
        text: clean.text,
        removed: clean.removed,
        headings: clean.headings,
        sentences: [],
        entities: [],
        quotes: [],
        figures: [],
        times: [],
        analysisVersion: analysisVersion(),
      };
      // the built-in taggers are synchronous; an ONNX model tags in the entities step's prepare
      if (!onnx) return runSteps(doc, only);
      return runStepsAsync(doc, only, { asyncNames: onnx });
    },
  };
}
