import type { Command } from 'commander';
import { InputError, type AnalyzedArticle } from '../../types.ts';
import { printJson } from '../context.ts';
import { NER_MODEL_HELP, checkNerModelOption } from '../ner-model.ts';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Analyse articles without a database; with --json prints one JSON object per article (JSON Lines, see README for the contract)')
    .argument('<paths...>', 'files or directories, or - for standard input')
    .option('--json', 'print the full analysis as JSON Lines')
    .option('--ner-model <dir>', NER_MODEL_HELP)
    .addHelpText('after', '\nExample:\n  dossier analyze examples/*.txt --json | jq .title')
    .action(async (paths: string[], opts: { json?: boolean; nerModel?: string }) => {
      await checkNerModelOption(opts.nerModel);
      const [{ readInputs }, { createAnalyzer }] = await Promise.all([import('../../readers/index.ts'), import('../../analyze.ts')]);
      const analyzer = await createAnalyzer({ nerModelDir: opts.nerModel });
      let failed = 0;
      const onSkip = (file: string, reason: string) => process.stderr.write(`skipped ${file}: ${reason}; name it on the command line to read it anyway\n`);
      for await (const input of readInputs(paths, { onSkip })) {
        if (input instanceof InputError) {
          failed++;
          process.stderr.write(`error: ${input.message}\n`);
          continue;
        }
        const doc = await analyzer.analyze(input);
        if (opts.json) printJson(doc);
        else process.stdout.write(describe(doc) + '\n');
      }
      await analyzer.close();
      if (failed > 0) process.exitCode = 1;
    });
}

function describe(doc: AnalyzedArticle): string {
  const lines = [
    `${doc.file}  [${doc.id}]`,
    `  title:     ${doc.title ?? '—'}`,
    `  language:  ${doc.language} (${doc.languageConfidence})${doc.languageSupported ? '' : ' — no full support: stored and searchable, layers limited'}`,
    `  published: ${doc.publishedAt ?? 'unknown'} (from ${doc.publishedAtFrom})`,
  ];
  if (doc.byline) lines.push(`  byline:    ${doc.byline}`);
  if (doc.dek) lines.push(`  dek:       ${doc.dek}`);
  lines.push(
    `  text:      ${doc.text.length} chars, ${doc.sentences.length} sentences, ${doc.headings.length} headings`,
    `  layers:    ${doc.entities.length} entities, ${doc.quotes.length} quotes, ${doc.figures.length} figures, ${doc.times.length} times`,
    ...(doc.unsupported ? [`  not analysed: ${doc.unsupported.layers.join(', ')} — ${doc.unsupported.reason}`] : []),
    `  removed:   ${doc.removed.length} piece(s)${doc.removed.length ? ': ' + doc.removed.map((r) => `${r.reason} "${r.text.slice(0, 40)}${r.text.length > 40 ? '…' : ''}"`).join('; ') : ''}`,
  );
  return lines.join('\n');
}
