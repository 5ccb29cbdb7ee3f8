import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { UsageError } from '../context.ts';
import { NER_MODEL_HELP, checkNerModelOption } from '../ner-model.ts';

export function registerTag(program: Command): void {
  program
    .command('tag')
    .description('Tag CoNLL-format tokens from stdin with the named-entity tagger; writes each line with the predicted BIO tag appended')
    .option('--lang <code>', 'language of the model (en, nl, de, fr, es, pt, it or sv: a shipped models/ner/<code>.model.gz); required unless --ner-model is given')
    .option('--model <dir>', 'directory holding <lang>.model.gz (default: the shipped models/ner)')
    .option('--ner-model <dir>', NER_MODEL_HELP)
    .addHelpText('after', '\nExamples:\n  dossier tag --lang nl < ned.testa > ned.testa.tagged\n  dossier tag --lang de < tokens.conll > tokens.tagged\n  dossier tag --ner-model ~/models/bert-ner < eng.testa > eng.testa.tagged')
    .action(async (opts: { lang?: string; model?: string; nerModel?: string }) => {
      const [{ tagConll, tagConllWith }, { modelPath }, { loadOnnxNameTagger }] = await Promise.all([
        import('../../analysis/mentions/ner/conll.ts'),
        import('../../analysis/mentions/ner/model.ts'),
        import('../../analysis/mentions/onnx/index.ts'),
      ]);
      if (opts.nerModel !== undefined) {
        if (opts.model !== undefined) throw new UsageError('give --model or --ner-model, not both');
        await checkNerModelOption(opts.nerModel);
        const tagger = await loadOnnxNameTagger(opts.nerModel);
        try {
          await tagConllWith(process.stdin, process.stdout, (words) => tagger.tag(words));
        } finally {
          await tagger.dispose();
        }
        return;
      }
      if (!opts.lang) throw new UsageError('--lang <code> is required (or --ner-model <dir>)');
      const file = modelPath(opts.lang, opts.model);
      if (!existsSync(file)) throw new UsageError(`no NER model for "${opts.lang}": ${file} does not exist`);
      await tagConll(process.stdin, process.stdout, opts.lang, opts.model);
    });
}
