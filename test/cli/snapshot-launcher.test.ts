/**
 * bin/soplint.js, the launcher npm's shims start on every platform: it needs nothing but node (no
 * /bin/sh), and a startup snapshot that this Node cannot load never breaks a run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

const sop = fromRoot('sops/sop-506.sop');
const scratch = mkdtempSync(join(tmpdir(), 'soplint-launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('with only node on PATH (no /bin/sh, as on Windows)', () => {
  const onlyNode = join(scratch, 'path');
  beforeAll(() => {
    mkdirSync(onlyNode);
    symlinkSync(process.execPath, join(onlyNode, 'node'));
  });
  // The launcher is started through its own '#!/usr/bin/env node' line, as npm's POSIX link is.
  const run = (args: string[]) =>
    spawnSync(fromRoot('bin/soplint.js'), args, { encoding: 'utf8', cwd: scratch, env: { PATH: onlyNode, NO_COLOR: '1', LANG: 'C.UTF-8' } });

  it('checks an SOP, from the snapshot where it fits', { timeout: 60_000 }, () => {
    const result = run(['check', '--no-baseline', '--lang', 'en', '-f', 'json', sop]);
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.status);
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
  });

  it('checks with worker threads (a re-run from the bundle)', { timeout: 60_000 }, () => {
    const result = run(['check', '--no-baseline', '--jobs', '2', '-f', 'json', fromRoot('sops')]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).summary.files).toBeGreaterThan(10);
  });

  it('renders the form', { timeout: 60_000 }, () => {
    const result = run(['render', '--format', 'html', sop]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Temu Forum Anak');
  });
});

describe('a snapshot this Node cannot load', () => {
  // A copy of the built package whose snapshot claims another Node version, with a blob that no
  // Node could load: if the launcher tried it, node would fail ("Failed to load the startup snapshot").
  const copy = join(scratch, 'package');
  beforeAll(() => {
    cpSync(fromRoot('bin'), join(copy, 'bin'), { recursive: true });
    cpSync(fromRoot('dist'), join(copy, 'dist'), { recursive: true });
    cpSync(fromRoot('package.json'), join(copy, 'package.json'));
    const stamp = JSON.parse(readFileSync(join(copy, 'dist/soplint.blob.node'), 'utf8'));
    expect(stamp.node).toBe(process.version);
    writeFileSync(join(copy, 'dist/soplint.blob.node'), JSON.stringify({ ...stamp, node: 'v18.20.4' }));
    writeFileSync(join(copy, 'dist/soplint.blob'), 'not a snapshot');
  });

  it('is skipped silently: check runs from the bundle with the same result', { timeout: 60_000 }, () => {
    const args = ['check', '--no-baseline', '--lang', 'en', '-f', 'json', sop];
    const fallback = spawnSync(process.execPath, [join(copy, 'bin/soplint.js'), ...args], { encoding: 'utf8', cwd: scratch });
    const usual = spawnSync(process.execPath, [fromRoot('bin/soplint.js'), ...args], { encoding: 'utf8', cwd: scratch });
    expect(fallback.stderr).toBe('');
    expect(fallback.status).toBe(usual.status);
    expect(JSON.parse(fallback.stdout)).toEqual(JSON.parse(usual.stdout));
  });

  it('is skipped when its stamp is missing or unreadable', { timeout: 60_000 }, () => {
    writeFileSync(join(copy, 'dist/soplint.blob.node'), '/usr/bin/node 1700000000\n');
    const result = spawnSync(process.execPath, [join(copy, 'bin/soplint.js'), 'check', '--no-baseline', '-f', 'json', sop], { encoding: 'utf8', cwd: scratch });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
  });
});
