import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

// Starts the CLI (from the snapshot and from the bundle) as child processes.
vi.setConfig({ testTimeout: 60_000 });

// Copies in a folder of their own: under the repository, the repository's .soplintrc.yaml (which
// ignores test/**) would be theirs.
const scratch = mkdtempSync(join(tmpdir(), 'soplint-snapshot-test-'));
copyFileSync(fromRoot('test/syntax/err/decisions.sop'), join(scratch, 'decisions.sop'));
copyFileSync(fromRoot('test/render/fixtures/hostile.sop'), join(scratch, 'hostile.sop'));
const args = ['check', '--lang', 'en', '-f', 'json', 'decisions.sop', 'hostile.sop'];
const env = { ...process.env, NO_COLOR: '1' };
const run = (command: string, argv: string[]) => spawnSync(command, argv, { encoding: 'utf8', env, cwd: scratch });

describe('the startup snapshot', () => {
  it('is stamped with the Node version, platform and processor that built it', () => {
    expect(existsSync(fromRoot('dist/soplint.blob'))).toBe(true);
    expect(JSON.parse(readFileSync(fromRoot('dist/soplint.blob.node'), 'utf8'))).toEqual({
      node: process.version,
      platform: process.platform,
      arch: process.arch,
    });
  });

  it('gives exactly what the ESM bundle gives', () => {
    const fromSnapshot = run(process.execPath, ['--snapshot-blob', fromRoot('dist/soplint.blob'), ...args]);
    const fromBundle = run(process.execPath, [fromRoot('dist/soplint.js'), ...args]);
    expect(fromSnapshot.status).toBe(1);
    expect(fromSnapshot.status).toBe(fromBundle.status);
    expect(JSON.parse(fromSnapshot.stdout)).toEqual(JSON.parse(fromBundle.stdout));
    expect(JSON.parse(fromSnapshot.stdout).findings.length).toBeGreaterThan(5);
  });
});

describe('commands other than check', () => {
  // The snapshot holds `check` only; started from it, another command re-runs from the bundle.
  it.each([
    ['render', '--format', 'mermaid', fromRoot('sops/sop-506.sop')],
    ['explain', 'step/numbering-gap'],
  ])('%s gives the same output from the snapshot as from the bundle', (...argv) => {
    const fromSnapshot = run(process.execPath, ['--snapshot-blob', fromRoot('dist/soplint.blob'), ...argv]);
    const fromBundle = run(process.execPath, [fromRoot('dist/soplint.js'), ...argv]);
    expect(fromSnapshot.stderr).toBe('');
    expect(fromSnapshot.status).toBe(0);
    expect(fromSnapshot.stdout.length).toBeGreaterThan(100);
    expect(fromSnapshot.stdout).toBe(fromBundle.stdout);
  });
});
