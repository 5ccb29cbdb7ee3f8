// What makes the command start fast, checked on the code rather than timed: building the program
// loads commander and the command files only (each command imports its implementation when it
// runs), and the compiled dist/ (built by the global setup) reads the same files as src/.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { analysisVersion } from '../../src/analysis/version.ts';
import { languageFolders, supportedLanguages } from '../../src/lang/registry.ts';
import { PACKAGE_ROOT } from '../../src/paths.ts';
import { bundledMigrations } from '../../src/store/sqlite/migrate.ts';
import { DEFAULT_MODEL_DIR } from '../../src/analysis/mentions/ner/model.ts';
import { DEFAULT_WEB_ROOT } from '../../src/server/web.ts';

/** Every module and package `entry` loads before any code runs (static imports only). */
async function staticImports(entry: string): Promise<{ modules: string[]; packages: string[] }> {
  const r = await build({ entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'esm', packages: 'external', metafile: true, logLevel: 'silent', absWorkingDir: PACKAGE_ROOT });
  const modules = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const i of r.metafile.inputs[file].imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) packages.add(i.path);
      else walk(i.path);
    }
  };
  walk(entry);
  return { modules: [...modules].sort(), packages: [...packages].filter((p) => !p.startsWith('node:')).sort() };
}

describe('dossier --help and --version', () => {
  it('load commander and the command files, nothing that reads, analyses, stores or serves', async () => {
    const { modules, packages } = await staticImports('src/cli/main.ts');
    expect(packages).toEqual(['commander']);
    const heavy = modules.filter((m) => /^src\/(pipeline|server|readers|clean|lang|text|corpus\/stories|store\/(sqlite|postgres\/(?!url\.ts)))|^src\/analysis\/(?!version\.ts|mentions\/onnx\/errors)/.test(m));
    expect(heavy).toEqual([]);
  });
});

describe('dist/', () => {
  const dist = (path: string) => import(pathToFileURL(`${PACKAGE_ROOT}/dist/src/${path}`).href);

  it('finds the package root, the language data, migrations, models and web build where src/ does', async () => {
    expect((await dist('paths.js')).PACKAGE_ROOT).toBe(PACKAGE_ROOT);
    const registry = await dist('lang/registry.js');
    expect(registry.languageFolders()).toEqual(languageFolders());
    expect(registry.supportedLanguages()).toEqual(supportedLanguages());
    expect((await dist('store/sqlite/migrate.js')).bundledMigrations()).toEqual(bundledMigrations());
    expect((await dist('analysis/mentions/ner/model.js')).DEFAULT_MODEL_DIR).toBe(DEFAULT_MODEL_DIR);
    expect((await dist('server/web.js')).DEFAULT_WEB_ROOT).toBe(DEFAULT_WEB_ROOT);
  });

  it('has the analysis version of the sources: the digest hashes src/, not the build', async () => {
    expect((await dist('analysis/version.js')).analysisVersion()).toBe(analysisVersion());
  });
});
