import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

// Each test starts the CLI as a child process.
vi.setConfig({ testTimeout: 60_000 });

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');
/** The clean SOP with three findings that --fix resolves, and one it cannot (a numbering gap). */
const FIXABLE = CLEAN.replace('Tanggal Pembuatan: 13 Oktober 2015', 'Tanggal Pembuatan: 13-10-2015')
  .replace('     Waktu: 1 jam\n', '     Waktu: 1 jm\n')
  .replace('     Keterangan: SOP Surat Keluar', '     Keterangan: SOP surat keluar')
  .replace('  4. [kabid]', '  6. [kabid]')
  .replace('Ya -> 4', 'Ya -> 6');
const CONFIG = 'externalSops:\n  - SOP Surat Keluar\n';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-fix-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('check --fix', () => {
  it('writes the fixes into the file, says how many, and reports only what is left', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': FIXABLE });
    const before = runCli(['check', 'a.sop'], { cwd: dir });
    expect(before.status).toBe(1); // the date and the Waktu are errors
    expect(before.stdout).toContain('3 of them can be fixed automatically: soplint check --fix');

    const run = runCli(['check', '--fix', 'a.sop'], { cwd: dir });
    expect(run.stderr).toBe('soplint: fixed 3 findings in 1 file\n');
    expect(run.status).toBe(0); // only the numbering gap (a warning) is left
    expect(run.stdout).toContain('[step/numbering-gap]');
    expect(run.stdout).not.toMatch(/identity\/date|waktu-format|name-mismatch|--fix/);
    // Exactly the three values changed; every other byte is as it was.
    const expected = FIXABLE.replace('13-10-2015', '13 Oktober 2015')
      .replace('Waktu: 1 jm\n', 'Waktu: 1 jam\n')
      .replace('SOP surat keluar', 'SOP Surat Keluar');
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(expected);
    // No temp file is left beside it.
    expect(readdirSync(dir).sort()).toEqual(['.soplintrc.yaml', 'a.sop']);
    // In Indonesian too.
    writeFileSync(join(dir, 'b.sop'), FIXABLE.replace('SOP-901', 'SOP-904').replace('Contoh Bersih', 'Contoh Empat'));
    expect(runCli(['check', '--fix', '--lang', 'id', 'b.sop'], { cwd: dir }).stderr).toBe('soplint: 3 temuan diperbaiki di 1 berkas\n');
    // A second run has nothing to fix.
    const again = runCli(['check', '--fix', 'a.sop'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(expected);
  });

  it('leaves alone a finding suppressed inline, and a file with nothing to fix (not even rewritten)', () => {
    const suppressed = FIXABLE.replace(
      '     Waktu: 1 jm\n',
      '     # soplint-disable-next-line mutu-baku/waktu-format -- ditulis seperti di sumber\n     Waktu: 1 jm\n',
    );
    const dir = workspace({
      '.soplintrc.yaml': CONFIG,
      'a.sop': suppressed,
      'b.sop': CLEAN.replace('SOP-901', 'SOP-902').replace('Contoh Bersih', 'Contoh Lain'),
    });
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, 'b.sop'), old, old);
    const run = runCli(['check', '--fix', '.'], { cwd: dir });
    expect(run.stderr).toBe('soplint: fixed 2 findings in 1 file\n');
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toContain('     Waktu: 1 jm\n');
    expect(statSync(join(dir, 'b.sop')).mtime.toISOString()).toBe(old.toISOString());
  });

  it('fixes across the corpus (the unit code most files use), keeps CRLF line ends and a BOM', () => {
    const sop = (n: number, code: string) => CLEAN.replace('SOP-901/BKBPM', `SOP-${n}/${code}`).replace('Contoh Bersih', `Contoh ${n}`);
    const crlf = '\uFEFF' + sop(903, 'BKBMP').replace(/\n/g, '\r\n');
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': sop(901, 'BKBPM'), 'b.sop': sop(902, 'BKBPM'), 'c.sop': crlf });
    const run = runCli(['check', '--fix', '.'], { cwd: dir });
    expect(run.stderr).toBe('soplint: fixed 1 finding in 1 file\n');
    expect(readFileSync(join(dir, 'c.sop'), 'utf8')).toBe(crlf.replace('SOP-903/BKBMP', 'SOP-903/BKBPM'));
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('corpus/unit-code');
  });

  it('never rewrites a file that is not valid UTF-8, whose undecodable bytes would be lost', () => {
    const bytes = Buffer.concat([Buffer.from('# Dibuat di Windows: \xe9\n', 'latin1'), Buffer.from(FIXABLE)]);
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': bytes });
    const run = runCli(['check', '--fix', 'a.sop'], { cwd: dir });
    expect(run.stdout).toContain('[io/encoding]');
    expect(run.stderr).toBe('');
    expect(readFileSync(join(dir, 'a.sop')).equals(bytes)).toBe(true);
  });

  it('does not leave the cache serving the findings of the file before it was fixed', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': FIXABLE });
    expect(runCli(['check', '--cache', 'a.sop'], { cwd: dir }).status).toBe(1);
    expect(runCli(['check', '--cache', '--fix', 'a.sop'], { cwd: dir }).stderr).toBe('soplint: fixed 3 findings in 1 file\n');
    const after = runCli(['check', '--cache', 'a.sop'], { cwd: dir });
    expect(after.status).toBe(0);
    expect(after.stdout).not.toContain('waktu-format');
  });

  it('updates the baseline from the fixed files when asked to in the same run', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG + 'baseline: baseline.json\n', 'a.sop': FIXABLE });
    expect(runCli(['check', '--update-baseline', 'a.sop'], { cwd: dir }).status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).files['a.sop'])).toContain('mutu-baku/waktu-format');
    const run = runCli(['check', '--fix', '--update-baseline', 'a.sop'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).files['a.sop'])).toEqual(['step/numbering-gap']);
  });

  it('on a copy of the bundled book: resolves every finding that carries a fix, and touches no other file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fix-book-'));
    cpSync(fromRoot('sops'), join(dir, 'sops'), { recursive: true });
    cpSync(fromRoot('.soplintrc.yaml'), join(dir, '.soplintrc.yaml'));
    const report = (args: string[]) => JSON.parse(runCli(['check', '--no-baseline', '-f', 'json', ...args, 'sops/'], { cwd: dir }).stdout);
    const before = report([]);
    const fixable = before.findings.filter((f: { fix?: unknown }) => f.fix);
    expect(fixable.length).toBeGreaterThan(10);
    const after = report(['--fix']);
    expect(after.findings.filter((f: { fix?: unknown }) => f.fix)).toEqual([]);
    expect(after.findings.length).toBe(before.findings.length - fixable.length);
    const touched = new Set(fixable.map((f: { file: string }) => f.file));
    for (const name of readdirSync(join(dir, 'sops')).filter((n) => n.endsWith('.sop'))) {
      const same = readFileSync(join(dir, 'sops', name)).equals(readFileSync(fromRoot('sops', name)));
      expect(same, name).toBe(!touched.has(`sops/${name}`));
    }
  });

  it('gives an editor the edits in the JSON report: applied to the unsaved buffer, they fix it', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': CLEAN });
    const run = runCli(['check', '-f', 'json', '--stdin-filename', 'a.sop', '.'], { cwd: dir, input: FIXABLE });
    const edits = JSON.parse(run.stdout).findings.flatMap((f: { fix?: { offset: number; endOffset: number; text: string } }) => (f.fix ? [f.fix] : []));
    expect(edits).toHaveLength(3);
    let buffer = FIXABLE;
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) buffer = buffer.slice(0, e.offset) + e.text + buffer.slice(e.endOffset);
    expect(buffer).toBe(
      FIXABLE.replace('13-10-2015', '13 Oktober 2015').replace('Waktu: 1 jm\n', 'Waktu: 1 jam\n').replace('SOP surat keluar', 'SOP Surat Keluar'),
    );
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(CLEAN); // the file on disk is not touched
  });

  it('is refused with --stdin-filename (it rewrites files on disk, not a buffer)', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': FIXABLE });
    const run = runCli(['check', '--fix', '--stdin-filename', 'a.sop', '.'], { cwd: dir, input: FIXABLE });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--fix cannot be used with --stdin-filename');
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(FIXABLE);
    expect(existsSync(join(dir, 'a.sop'))).toBe(true);
  });
});
