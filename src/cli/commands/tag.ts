import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { tagConll } from '../../analysis/entities/ner/conll.ts';
import { modelPath } from '../../analysis/entities/ner/model.ts';
import { UsageError } from '../context.ts';

export function registerTag(program: Command): void {
  program
    .command('tag')
    .description('Tag CoNLL-format tokens from stdin with the named-entity tagger; writes each line with the predicted BIO tag appended')
    .requiredOption('--lang <code>', 'language of the model (en or nl)')
    .option('--model <dir>', 'directory holding <lang>.model.gz (default: the shipped models/ner)')
    .addHelpText('after', '\nExample:\n  dossier tag --lang nl < ned.testa > ned.testa.tagged')
    .action(async (opts: { lang: string; model?: string }) => {
      const file = modelPath(opts.lang, opts.model);
      if (!existsSync(file)) throw new UsageError(`no NER model for "${opts.lang}": ${file} does not exist`);
      await tagConll(process.stdin, process.stdout, opts.lang, opts.model);
    });
}
