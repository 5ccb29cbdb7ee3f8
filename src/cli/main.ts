// The `dossier` command line.
import { Command, CommanderError } from 'commander';
import { registerIngest } from './commands/ingest.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerSearch } from './commands/search.ts';
import { registerShow } from './commands/show.ts';
import { registerStats } from './commands/stats.ts';
import { registerReanalyze } from './commands/reanalyze.ts';
import { registerLayerLists } from './commands/layers.ts';
import { registerServe } from './commands/serve.ts';
import { registerEntities } from './commands/entities.ts';
import { registerTag } from './commands/tag.ts';
import { registerStories } from './commands/stories.ts';
import { registerWatch } from './commands/watch.ts';
import { registerSources } from './commands/sources.ts';
import { registerWorker } from './commands/worker.ts';
import { registerQueue } from './commands/queue.ts';
import { UsageError } from './context.ts';

export function buildProgram(): Command {
  const program = new Command('dossier')
    .description('Turn a pile of news articles into a browsable, searchable dossier of the story.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerIngest(program);
  registerAnalyze(program);
  registerSearch(program);
  registerShow(program);
  registerStats(program);
  registerReanalyze(program);
  registerLayerLists(program);
  registerServe(program);
  registerEntities(program);
  registerTag(program);
  registerStories(program);
  registerWatch(program);
  registerSources(program);
  registerWorker(program);
  registerQueue(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage errors were already printed by commander
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`dossier: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    const e = err as Error;
    process.stderr.write(`dossier: ${e.message}\n`);
    if (process.env.DOSSIER_DEBUG) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  }
}
