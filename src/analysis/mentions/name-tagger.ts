// What tags names for the entities step: BIO tags for the words of an article's sentences. The
// shipped statistical tagger (src/analysis/mentions/ner) is the default and is synchronous; an
// optional ONNX model (src/analysis/mentions/onnx, `--ner-model DIR`) is asynchronous, so it tags
// in the entities step's `prepare` and hands its tags to `run` as a precomputed tagger.
import { hasNerModel, loadNerModel } from './ner/model.ts';
import { tagDocument } from './ner/tagger.ts';

/** Sentences of words (the tokens of src/analysis/mentions/ner/tokenize.ts). */
export type SentenceWords = readonly (readonly string[])[];

export interface NameTagger {
  /** Whether it tags text in `lang`. */
  handles(lang: string): boolean;
  /** BIO (IOB2) tags for each word of each sentence: the shape `tagDocument(model, words)` returns. */
  tag(words: SentenceWords, lang: string): string[][];
}

export interface AsyncNameTagger {
  /** Shown in messages, e.g. the model directory. */
  readonly name: string;
  handles(lang: string): boolean;
  tag(words: SentenceWords, lang: string): Promise<string[][]>;
}

/** The shipped statistical tagger (models/ner/<lang>.model.gz, or `dir`): languages with a model. */
export function builtinNameTagger(dir?: string): NameTagger {
  return {
    handles: (lang) => hasNerModel(lang, dir),
    tag: (words, lang) => tagDocument(loadNerModel(lang, dir), words),
  };
}

/** A tagger that answers with `tags`, computed beforehand for exactly `words`. */
export function precomputedNameTagger(words: SentenceWords, tags: readonly string[][]): NameTagger {
  return {
    handles: () => true,
    tag(asked) {
      const same = asked.length === words.length && asked.every((s, i) => s.length === words[i].length && s.every((w, j) => w === words[i][j]));
      if (!same) throw new Error('precomputed name tags were computed for other words than the ones asked for');
      return tags.map((s) => [...s]);
    },
  };
}
