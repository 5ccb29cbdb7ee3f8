#!/usr/bin/env node
// Compiles the TypeScript of src/ to JavaScript in dist/src/, one .js file per .ts file at the same
// relative place (`npm run build`; `npm ci` and `npm install` run it through `prepare`). The compiler
// is esbuild, the one tsx runs on every start, so dist/ behaves as the sources do under tsx; types
// are checked by `tsc --noEmit` (npm test), not here. Data files are not copied: the code reads them
// from src/ and the package root (src/paths.ts). Ends by writing the build stamp (bin/build-stamp.js).
import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP_FILE, makeStamp } from './build-stamp.js';

const started = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = 'dist/src';

function typescriptFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return typescriptFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

// Each file is its own entry point and every import stays an import: relative ones are renamed from
// .ts to .js, packages are left to Node. Imported JSON (with { type: 'json' }) is inlined, and so is
// recorded in the stamp.
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
      if (args.path.startsWith('.')) return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      return { path: args.path, external: true };
    });
  },
};

// A failed or interrupted build leaves no stamp, so bin/dossier.js falls back to the sources.
rmSync(join(root, STAMP_FILE), { force: true });
rmSync(join(root, OUT), { recursive: true, force: true });

const entryPoints = typescriptFiles('src');
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir: OUT,
  outbase: 'src',
  bundle: true,
  plugins: [keepImports],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// The worker thread's entry: the sources' boot file registers tsx first (src/pipeline/analysis-worker-boot.js).
writeFileSync(
  join(root, OUT, 'pipeline/analysis-worker-boot.js'),
  '// Worker-thread entry of the compiled pipeline, written by bin/build.js.\nawait import("./analysis-worker.js");\n',
);

const inputs = [...Object.keys(result.metafile.inputs), 'bin/build.js', 'bin/build-stamp.js'];
writeFileSync(join(root, STAMP_FILE), JSON.stringify(makeStamp(root, inputs)) + '\n');
const ms = performance.now() - started;
process.stdout.write(`built ${relative(process.cwd(), join(root, OUT)) || OUT} from ${entryPoints.length} TypeScript files in ${(ms / 1000).toFixed(1)} s\n`);
