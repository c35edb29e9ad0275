/**
 * .pre-commit-hooks.yaml run by the real pre-commit framework (Debian's `pre-commit`, installed by
 * .ci/run): `pre-commit try-repo <this checkout> soplint` in a fresh git repository holding a book,
 * with soplint as the book's dev dependency (npm links this checkout, offline), as docs/ci.md
 * describes. Outside CI a machine without pre-commit skips these tests with a printed reason; under
 * CI=true they always run (and fail if pre-commit is missing).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fromRoot } from '../helpers/paths.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const runPreCommitTests = hasPreCommit || !!process.env.CI;
if (!runPreCommitTests) console.warn('skipping the pre-commit tests: pre-commit not found (apt-get install pre-commit)');

type Hook = { id: string; entry: string; language: string; files: string; pass_filenames?: boolean; args?: string[] };
const hooks = parseYaml(readFileSync(fromRoot('.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('.pre-commit-hooks.yaml', () => {
  it('declares soplint (the whole book) and soplint-fmt (the staged files), both on .sop files', () => {
    const byId = new Map(hooks.map((h) => [h.id, h]));
    expect([...byId.keys()]).toEqual(['soplint', 'soplint-fmt']);
    const check = byId.get('soplint')!;
    expect(check.entry).toBe('npx soplint check');
    expect(check.pass_filenames).toBe(false);
    expect(check.args).toEqual(['.']);
    const fmt = byId.get('soplint-fmt')!;
    expect(fmt.entry).toBe('npx soplint fmt --check');
    expect(fmt.pass_filenames).toBeUndefined();
    for (const hook of hooks) {
      expect(new RegExp(hook.files).test('sops/sop-506.sop'), hook.id).toBe(true);
      expect(new RegExp(hook.files).test('README.md'), hook.id).toBe(false);
    }
  });
});

describe.runIf(runPreCommitTests)('the pre-commit framework running the soplint hook', () => {
  const git = (cwd: string, ...args: string[]) => {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
    expect(result.status, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
  };

  /** A git repository with a book and soplint linked as its dev dependency. */
  function book(): string {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-pre-commit-'));
    git(dir, 'init', '-q');
    writeFileSync(join(dir, 'package.json'), '{ "name": "sop-book", "private": true }\n');
    const install = spawnSync('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', `file:${fromRoot()}`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(install.status, install.stderr).toBe(0);
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    writeFileSync(join(dir, '.soplintrc.yaml'), 'externalSops:\n  - SOP Surat Keluar\nignores:\n  - node_modules/**\n');
    copyFileSync(fromRoot('sops/sop-506.sop'), join(dir, 'good.sop'));
    git(dir, 'add', '.');
    return dir;
  }

  const tryRepo = (dir: string, file: string) =>
    spawnSync('pre-commit', ['try-repo', fromRoot(), 'soplint', '--files', file], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PRE_COMMIT_HOME: join(dir, '.pre-commit-home'),
        NO_COLOR: '1',
        LANG: 'C.UTF-8',
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.org',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.org',
      },
      timeout: 240_000,
    });

  it('passes a good .sop file', { timeout: 300_000 }, () => {
    const dir = book();
    const run = tryRepo(dir, 'good.sop');
    expect(run.stdout).toMatch(/^soplint\.+Passed$/m);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('fails a bad .sop file, showing the finding', { timeout: 300_000 }, () => {
    const dir = book();
    copyFileSync(fromRoot('test/syntax/err/decisions.sop'), join(dir, 'bad.sop'));
    git(dir, 'add', 'bad.sop');
    const run = tryRepo(dir, 'bad.sop');
    expect(run.stdout).toMatch(/^soplint\.+Failed$/m);
    expect(run.stdout).toMatch(/^bad\.sop:7:23: error .*\[syntax\/error\]$/m);
    expect(run.status).toBe(1);
  });
});
