// A CLI ingest is batch work: it runs --nice steps (default 10) below normal OS priority, so a server
// on the same machine answers its readers first (issue 15: with a CLI ingest beside the server, reads
// waited over a second). Checked in a child process of the built CLI module, so this test's own
// process keeps its priority; on Linux the analysis threads it starts inherit the lower priority.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INGEST_NICE } from '../../src/cli/commands/ingest.ts';
import { repoRoot } from '../readers/helpers.ts';

const built = pathToFileURL(join(repoRoot, 'dist/src/cli/commands/ingest.js')).href;

describe('dossier ingest --nice', () => {
  it.skipIf(process.platform !== 'linux')('lowers the priority of the thread that ingests, capped at 19', () => {
    const script = `import { lowerPriority } from ${JSON.stringify(built)}; import { getPriority } from 'node:os';
      const before = getPriority(); const to = lowerPriority(3); const after = getPriority(); lowerPriority(40);
      console.log(JSON.stringify({ before, to, after, capped: getPriority(), none: lowerPriority(0) ?? null }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out.after).toBe(Math.min(19, out.before + 3));
    expect(out.to).toBe(out.after);
    expect(out.capped).toBe(19);
    expect(out.none).toBeNull();
    expect(INGEST_NICE).toBe(10);
  });

  it('refuses a value past 19, naming the option', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/dossier.js'), 'ingest', 'nothing.txt', '--nice', '25', '--db', ':memory:'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--nice must be from 0 to 19, got 25/);
  });
});
