/**
 * Configuration, baseline and cache files that are hostile or damaged: refused cleanly (exit 2, one
 * line), never waited on, never read endlessly, never quoted, never an internal error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

// Each test starts the CLI as a child process on hostile config, baseline and cache files.
vi.setConfig({ testTimeout: 120_000 });

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');
const CONFIG = 'externalSops:\n  - SOP Surat Keluar\n';
const SECRET = 'AKIAIOSFODNN7EXAMPLE-wJalrXUtnFEMI';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-hostile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const expectCleanRefusal = (run: { status: number | null; stderr: string }) => {
  expect(run.status).toBe(2);
  expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
};

describe('hostile configuration files', () => {
  it('refuses a FIFO as --config at once (never waits for a writer)', () => {
    const dir = workspace({ 'a.sop': CLEAN });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const run = runCli(['check', '--config', 'pipe.yaml', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toContain('pipe.yaml');
    expect(run.stderr).toMatch(/pipe \(FIFO\), not a regular file/);
  }, 30_000);

  it('refuses /dev/zero as --config (a device, never read endlessly)', () => {
    const dir = workspace({ 'a.sop': CLEAN });
    const run = runCli(['check', '--config', '/dev/zero', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toMatch(/a device, not a regular file/);
  }, 30_000);

  it('refuses a configuration of more than a megabyte', () => {
    const dir = workspace({ 'a.sop': CLEAN, '.soplintrc.yaml': `${CONFIG}# ${'x'.repeat(2 * 1024 * 1024)}\n` });
    const run = runCli(['check', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toMatch(/more than the 1 MB soplint reads/);
  }, 30_000);

  it('reports a YAML alias bomb as a config error at the line of its first alias', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('externalSops: *a9');
    const dir = workspace({ 'a.sop': CLEAN, '.soplintrc.yaml': lines.join('\n') + '\n' });
    const run = runCli(['check', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toMatch(/^soplint: \.soplintrc\.yaml:2:\d+: too many YAML aliases/);
  }, 30_000);

  it('never quotes a file that is not a configuration (a secret) in its error', () => {
    const dir = workspace({ 'a.sop': CLEAN, 'secret.txt': `${SECRET}: 1\n` });
    const run = runCli(['check', '--config', 'secret.txt', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toContain('unknown key');
    expect(run.stderr).not.toContain(SECRET);
  }, 30_000);
});

describe('hostile baselines', () => {
  it('a baseline that is not JSON: named, not quoted (exit 2)', () => {
    const dir = workspace({ 'a.sop': CLEAN, '.soplintrc.yaml': CONFIG, 'secret.json': `${SECRET}\n` });
    const run = runCli(['check', '--baseline', 'secret.json', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toContain('secret.json is not valid JSON');
    expect(run.stderr).not.toContain(SECRET);
  }, 30_000);

  it('/dev/zero as a baseline is refused (exit 2), not read until memory runs out', () => {
    const dir = workspace({ 'a.sop': CLEAN, '.soplintrc.yaml': CONFIG });
    const run = runCli(['check', '--baseline', '/dev/zero', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toMatch(/a device, not a regular file/);
  }, 30_000);

  it('a baseline of the wrong shape (a count that is not a number) is refused', () => {
    const dir = workspace({ 'a.sop': CLEAN, '.soplintrc.yaml': CONFIG, 'b.json': JSON.stringify({ version: 1, files: { 'a.sop': { 'x/y': 'banyak' } } }) });
    const run = runCli(['check', '--baseline', 'b.json', 'a.sop'], { cwd: dir });
    expectCleanRefusal(run);
    expect(run.stderr).toContain('is not a soplint baseline');
  }, 30_000);
});

describe('a damaged or tampered cache', () => {
  const cached = () => {
    const dir = workspace({ 'a.sop': CLEAN, '.soplintrc.yaml': CONFIG });
    const first = runCli(['check', '--cache', 'a.sop'], { cwd: dir });
    expect(first.status).toBe(0);
    return { dir, cache: join(dir, '.soplintcache'), first };
  };

  it('is ignored with one line and rebuilt when it fails its checksum', () => {
    const { dir, cache, first } = cached();
    const data = JSON.parse(readFileSync(cache, 'utf8'));
    for (const file of Object.values(data.files) as { outcome: { diagnostics: unknown } }[]) file.outcome.diagnostics = 'rusak';
    writeFileSync(cache, JSON.stringify(data));
    const run = runCli(['check', '--cache', 'a.sop'], { cwd: dir });
    expect(run.stderr).toMatch(/^soplint: the cache .*\.soplintcache fails its checksum; it is ignored and rebuilt$/m);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(first.stdout);
    // Rebuilt: the next run reads it without a word.
    expect(runCli(['check', '--cache', 'a.sop'], { cwd: dir }).stderr).not.toContain('cache');
  }, 60_000);

  it('is ignored when its shape is wrong even with a matching checksum, and when it is not JSON', async () => {
    const { createHash } = await import('node:crypto');
    const { dir, cache } = cached();
    const data = JSON.parse(readFileSync(cache, 'utf8'));
    for (const file of Object.values(data.files) as { outcome: { diagnostics: unknown } }[]) file.outcome.diagnostics = 'rusak';
    data.checksum = createHash('sha1').update(JSON.stringify(data.files)).digest('base64');
    writeFileSync(cache, JSON.stringify(data));
    const shape = runCli(['check', '--cache', 'a.sop'], { cwd: dir });
    expect(shape.stderr).toContain('is not a soplint cache; it is ignored and rebuilt');
    expect(shape.status).toBe(0);
    writeFileSync(cache, `${SECRET}{`);
    const garbage = runCli(['check', '--cache', 'a.sop'], { cwd: dir });
    expect(garbage.stderr).toContain('is not valid JSON; it is ignored and rebuilt');
    expect(garbage.stderr).not.toContain(SECRET);
    expect(garbage.status).toBe(0);
  }, 60_000);
});
