import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const messy = join(__dirname, 'golden', 'messy.sop');
const formatted = readFileSync(join(__dirname, 'golden', 'messy.formatted.sop'), 'utf8');

describe('soplint fmt', { timeout: 120_000 }, () => {
  it('rewrites a file in the canonical layout, and then has nothing to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-'));
    copyFileSync(messy, join(dir, 'a.sop'));
    const first = runCli(['fmt', dir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('a.sop');
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(formatted);
    const second = runCli(['fmt', '--check', dir]);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('');
  });

  it('--check writes nothing and exits 1 listing the files that would change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-'));
    copyFileSync(messy, join(dir, 'a.sop'));
    writeFileSync(join(dir, 'b.sop'), formatted);
    const run = runCli(['fmt', '--check', dir], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('a.sop\n');
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(readFileSync(messy, 'utf8'));
  });

  it('refuses a file with syntax errors, prints them and leaves the file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-'));
    const broken = 'Prosedur: Uji\nPelaksana:\n  a = A\n    1. [a] Menerima\n     Keputusan: Ya -> , Tidak\n';
    writeFileSync(join(dir, 'c.sop'), broken);
    const run = runCli(['fmt', dir], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('c.sop');
    expect(run.stderr).toMatch(/syntax/);
    expect(readFileSync(join(dir, 'c.sop'), 'utf8')).toBe(broken);
  });

  it('exits 2 on usage errors', () => {
    expect(runCli(['fmt', '/no/such/folder']).status).toBe(2);
    expect(runCli(['fmt', '--width', 'wide', messy]).status).toBe(2);
    expect(runCli(['fmt']).status).toBe(2);
  });
});
