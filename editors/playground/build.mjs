// Builds the playground into a folder of static files (default editors/playground/dist/):
// index.html (with its stylesheet inline) and playground.js (CodeMirror 6, the parser, the rules and the form
// renderer, bundled for the browser from the same source as the CLI).
// Usage: node editors/playground/build.mjs [OUTDIR]
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const out = resolve(process.argv[2] ?? join(here, 'dist'));
mkdirSync(out, { recursive: true });

// The form renderer's book pages use node:path's basename; the playground renders one SOP.
const nodePathShim = {
  name: 'node-path-shim',
  setup(b) {
    b.onResolve({ filter: /^node:path$/ }, () => ({ path: 'node-path', namespace: 'shim' }));
    b.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({
      contents: `export const sep = '/';
export function basename(p, ext) { const b = p.replace(/\\/+$/, '').split('/').pop() ?? ''; return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b; }
export function dirname(p) { const i = p.lastIndexOf('/'); return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i); }
export function extname(p) { const b = basename(p); const i = b.lastIndexOf('.'); return i > 0 ? b.slice(i) : ''; }
export function join(...parts) { return parts.filter(Boolean).join('/').replace(/\\/+/g, '/'); }
export function relative(from, to) { return to; }
export function resolve(...parts) { return join(...parts); }
export const posix = { sep, basename, dirname, extname, join, relative, resolve };
export default posix;`,
      loader: 'js',
    }));
  },
};

// Node-only modules of the pipeline, replaced for the browser. The printed form embeds a subset of the font files the package ships (read from disk, cut by a
// WebAssembly subsetter); a page in the browser has no such files: it names the font and falls back.
const fontFaceShim = {
  name: 'font-face-shim',
  setup(b) {
    b.onResolve({ filter: /[\\/]font-face\.js$/ }, () => ({ path: 'font-face', namespace: 'browser-shim' }));
    // A text typed in the page has no folder: the Logo: file is checked by its name only, as for any text in memory.
    b.onResolve({ filter: /[\\/]image-kind\.js$/ }, () => ({ path: 'image-kind', namespace: 'browser-shim' }));
    b.onLoad({ filter: /^font-face$/, namespace: 'browser-shim' }, () => ({
      contents: `export function fontFaceCss() { return ''; }
export function subsetFont() { throw new Error('font subsetting is not available in the browser'); }`,
      loader: 'js',
    }));
    // Reading files (size limits, the Logo: file) happens only for files on disk; the page checks the
    // text in its editor (CheckInput.read), so these are never called there.
    b.onResolve({ filter: /^node:fs$/ }, () => ({ path: 'node-fs', namespace: 'browser-shim' }));
    b.onLoad({ filter: /^node-fs$/, namespace: 'browser-shim' }, () => ({
      contents: `const none = (name) => () => { throw new Error(name + ' is not available in the browser'); };
export const constants = {};
export const readFileSync = none('readFileSync');
export const openSync = none('openSync');
export const fstatSync = none('fstatSync');
export const readSync = none('readSync');
export const closeSync = none('closeSync');
export const existsSync = () => false;
export default { constants, readFileSync, openSync, fstatSync, readSync, closeSync, existsSync };`,
      loader: 'js',
    }));
    b.onLoad({ filter: /^image-kind$/, namespace: 'browser-shim' }, () => ({
      contents: `export function imageKind() { return 'missing'; }
export function imageNextTo() { return () => 'missing'; }`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile: join(out, 'playground.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: projectRoot,
  loader: { '.sop': 'text' },
  define: { __SOPLINT_BUILD__: '"playground"' },
  plugins: [nodePathShim, fontFaceShim],
});
// The stylesheet goes inline: a page opened from a file cannot fetch its own stylesheets by script
// (as axe-core and some browser extensions do), and one file less to deploy.
const css = readFileSync(join(here, 'playground.css'), 'utf8');
const html = readFileSync(join(here, 'index.html'), 'utf8').replace('<link rel="stylesheet" href="playground.css">', `<style>\n${css}</style>`);
if (!html.includes('<style>')) throw new Error('index.html: the stylesheet link to inline was not found');
writeFileSync(join(out, 'index.html'), html);
process.stdout.write(`${out}\n`);
