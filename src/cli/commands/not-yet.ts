// Commands whose capability is planned but not built yet: they say so plainly instead of faking a result.
import type { Command } from 'commander';
import { UsageError } from '../context.ts';

const PLANNED: { name: string; args?: string; description: string; issue: string }[] = [
  { name: 'stories', description: 'events and storylines', issue: 'story clustering' },
  { name: 'story', args: '[id]', description: 'one storyline: events, sources, timeline', issue: 'story clustering' },
  { name: 'timeline', description: 'dated happenings of a story or entity', issue: 'story clustering' },
  { name: 'compare', args: '[id]', description: 'how each source covers a story', issue: 'story clustering' },
  { name: 'export', description: 'export as json, csv or gexf', issue: 'story clustering' },
];

export function registerPlanned(program: Command, skip: Set<string>): void {
  for (const p of PLANNED) {
    if (skip.has(p.name)) continue;
    const cmd = program
      .command(p.args ? `${p.name} ${p.args}` : p.name)
      .description(`(not yet available) ${p.description}`)
      .allowUnknownOption(true);
    cmd.action(() => {
      throw new UsageError(`"dossier ${p.name}" is not available yet: ${p.description} come with the ${p.issue} work.`, 3);
    });
  }
}
