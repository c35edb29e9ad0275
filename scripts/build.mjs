// Builds the CLI into dist/ with esbuild:
// 1. an ESM bundle (dist/soplint.js): a small entry chunk, each command's code in chunks loaded only
//    when that command runs, and the check worker (dist/worker.js);
// 2. a V8 startup snapshot (dist/soplint.blob) of the same code with the parser already built, which
//    bin/soplint uses when it was built by the same Node binary that runs it (see bin/soplint).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';

const minify = process.env.SOPLINT_NO_MINIFY !== '1';
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const requireBanner = "import { createRequire as __soplintCreateRequire } from 'node:module'; const require = __soplintCreateRequire(import.meta.url);";
await build({
  entryPoints: { soplint: 'src/cli/bin.ts', worker: 'src/checker/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  minify,
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: requireBanner },
});

if (process.env.SOPLINT_NO_SNAPSHOT !== '1') {
  await build({
    entryPoints: { snapshot: 'src/cli/snapshot.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    minify,
    // A snapshot script is CommonJS: import.meta.url becomes this file's URL.
    define: { 'import.meta.url': '__soplintFileUrl' },
    banner: { js: "var __soplintFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  try {
    execFileSync(process.execPath, ['--snapshot-blob', 'dist/soplint.blob', '--build-snapshot', 'dist/snapshot.cjs'], { stdio: 'pipe' });
    // bin/soplint uses the blob only with the very Node binary that built it.
    writeFileSync('dist/soplint.blob.node', `${process.execPath} ${Math.floor(statSync(process.execPath).mtimeMs / 1000)}\n`);
  } catch (error) {
    // No snapshot: bin/soplint falls back to the ESM bundle.
    process.stderr.write(`soplint build: startup snapshot not built (${String(error).split('\n')[0]}); the CLI will start without it\n`);
    rmSync('dist/soplint.blob', { force: true });
  }
}
