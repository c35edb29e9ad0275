// Builds and packages the VS Code extension: bundles the client (src/extension.ts, with
// vscode-languageclient from the root devDependencies; `vscode` stays external) and the fallback
// language server (the root's src/lsp/main.ts) into dist/, then runs `vsce package --no-dependencies`.
// Usage: node editors/vscode/scripts/package.mjs [OUT.vsix]   (from anywhere)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectRoot = join(extensionRoot, '..', '..');
const require = createRequire(join(projectRoot, 'package.json'));
const version = require(join(extensionRoot, 'package.json')).version;
const out = resolve(process.argv[2] ?? join(extensionRoot, `soplint-vscode-${version}.vsix`));

rmSync(join(extensionRoot, 'dist'), { recursive: true, force: true });
const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', minify: true, sourcemap: false, absWorkingDir: projectRoot };
await build({
  ...common,
  entryPoints: [join(extensionRoot, 'src', 'extension.ts')],
  outfile: join(extensionRoot, 'dist', 'extension.js'),
  target: 'node18',
  external: ['vscode'],
});
const serverEntry = join(projectRoot, 'src', 'lsp', 'main.ts');
if (existsSync(serverEntry)) {
  await build({
    ...common,
    entryPoints: [serverEntry],
    outfile: join(extensionRoot, 'dist', 'server.js'),
    target: 'node20',
    // The library is ESM; as one CommonJS file, import.meta.url is this file's URL.
    define: { 'import.meta.url': '__soplintFileUrl', __SOPLINT_BUILD__: JSON.stringify(`vscode-${version}`) },
    banner: { js: "var __soplintFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-update-package-json', '-o', out], { cwd: extensionRoot, stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(`${out}\n`);
