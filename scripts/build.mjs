// Bundles the CLI into dist/ with esbuild: one small entry chunk, and each command's code
// (Chevrotain, the parser, the emitters) in chunks loaded only when that command runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
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
  minify: process.env.SOPLINT_NO_MINIFY !== '1',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __soplintCreateRequire } from 'node:module'; const require = __soplintCreateRequire(import.meta.url);" },
});
