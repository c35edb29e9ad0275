/**
 * The package as npm users get it: `npm pack`, installed into an empty folder from the tarball,
 * and the README's library example run there with node, importing 'soplint' by its package name
 * (so `exports`, the bundle in dist/ and the types are what is tested, not the source tree).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The first ```js block of the README's "Library" section. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library\n'));
  const match = /```js\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 5)));
  if (!match) throw new Error('README.md: no ```js example in the "Library" section');
  return match[1];
}

describe('the packed library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs from its tarball and runs the README example', { timeout: 600_000 }, () => {
    // The types, as `prepack` builds them; --ignore-scripts: `prepack` would rebuild dist/ under the
    // feet of the other tests (the global setup has built it).
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const tarball = join(dir, packed[0].filename);
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/types/index.d.ts');

    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const install = (mode: string) =>
      execFileSync(npm, ['install', mode, '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
        cwd: app,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    try {
      install('--offline');
    } catch {
      install('--prefer-offline');
    }
    const installed = join(app, 'node_modules', 'soplint');
    expect(existsSync(join(installed, 'dist', 'types', 'index.d.ts'))).toBe(true);
    const types = readFileSync(join(installed, 'dist', 'types', 'index.d.ts'), 'utf8');
    expect(types).toMatch(/formatReport/);
    expect(types).toMatch(/lintTexts/);

    const example = readmeExample();
    expect(example).toMatch(/from 'soplint'/);
    writeFileSync(join(app, 'example.mjs'), example);
    const output = execFileSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8' });
    const lines = output.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^errors: \d+, warnings: \d+$/);
    expect(lines[1]).toMatch(/^flowchart /);

    // The same example against the tree's own build prints the same: the package is that build.
    writeFileSync(join(dir, 'tree-example.mjs'), example.replace(/from 'soplint'/, `from ${JSON.stringify(join(root, 'dist', 'index.js'))}`));
    expect(execFileSync(process.execPath, [join(dir, 'tree-example.mjs')], { encoding: 'utf8' })).toBe(output);
  });
});
