// Builds the CLI into dist/ with esbuild:
// 1. an ESM bundle (dist/soplint.js): a small entry chunk, each command's code in chunks loaded only
//    when that command runs, and the check worker (dist/worker.js);
// 2. a V8 startup snapshot (dist/soplint.blob) of the same code with the parser already built, which
//    bin/soplint.js uses when it was built by the same Node version, platform and processor (see
//    bin/soplint.js). It is not portable, so the npm package does not ship it.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';

const minify = process.env.SOPLINT_NO_MINIFY !== '1';

// A hash of the sources: `check --cache` reuses only results computed by this very build.
function sourceHash(dir) {
  const hash = createHash('sha1');
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}
const define = { __SOPLINT_BUILD__: JSON.stringify(sourceHash('src')) };

// Chevrotain's lexer maps every UTF-16 code unit to a table index in a 65,536-slot Array of numbers
// (512 KB of heap, serialised into the startup snapshot and read back on every start). The same map
// as a Uint16Array holds the same values (at most 511) in 128 KB.
const compactCharCodeMap = {
  name: 'compact-chevrotain-char-code-map',
  setup(b) {
    b.onLoad({ filter: /chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace('charCodeToOptimizedIdxMap = new Array(65536);', 'charCodeToOptimizedIdxMap = new Uint16Array(65536);');
      if (patched === source) throw new Error(`${args.path}: the char code map to patch was not found (Chevrotain changed?)`);
      return { contents: patched, loader: 'js' };
    });
  },
};
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const requireBanner = "import { createRequire as __soplintCreateRequire } from 'node:module'; const require = __soplintCreateRequire(import.meta.url);";
await build({
  entryPoints: { soplint: 'src/cli/bin.ts', worker: 'src/check-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // No source maps by default: the package does not ship them (SOPLINT_SOURCEMAP=1 for debugging).
  sourcemap: process.env.SOPLINT_SOURCEMAP === '1' ? 'linked' : false,
  logLevel: 'warning',
  minify,
  // resvg's WebAssembly file is read from node_modules at run time (a dependency of the package).
  external: ['@resvg/resvg-wasm'],
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: requireBanner },
  define,
  plugins: [compactCharCodeMap],
});

// The snapshot serves `soplint check` only (bin/soplint.js runs every other command from the ESM
// bundle), so the other commands' code stays out of it: a smaller heap to deserialise on each start.
const checkOnly = {
  name: 'snapshot-check-only',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const otherCommand = /(render|rules|init)-command\.js$|lsp[\\/]server\.js$/.test(args.path);
      const emitter = /[\\/]emit[\\/]registry\.ts$/.test(args.importer);
      return otherCommand || emitter ? { path: args.path, external: true } : undefined;
    });
  },
};

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
    plugins: [compactCharCodeMap, checkOnly],
    // A snapshot script is CommonJS: import.meta.url becomes this file's URL.
    define: { ...define, 'import.meta.url': '__soplintFileUrl' },
    banner: { js: "var __soplintFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  try {
    execFileSync(process.execPath, ['--snapshot-blob', 'dist/soplint.blob', '--build-snapshot', 'dist/snapshot.cjs'], { stdio: 'pipe' });
    // bin/soplint.js uses the blob only with the Node version, platform and processor that built it.
    writeFileSync('dist/soplint.blob.node', `${JSON.stringify({ node: process.version, platform: process.platform, arch: process.arch })}\n`);
  } catch (error) {
    // No snapshot: bin/soplint.js falls back to the ESM bundle.
    process.stderr.write(`soplint build: startup snapshot not built (${String(error).split('\n')[0]}); the CLI will start without it\n`);
    rmSync('dist/soplint.blob', { force: true });
  }
}
