import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSop } from '../../src/fmt/format.js';
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

  it('says what it found and what to run, in Indonesian (--lang id) or English (--lang en)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-'));
    copyFileSync(messy, join(dir, 'a.sop'));
    const id = runCli(['fmt', '--check', '--lang', 'id', '.'], { cwd: dir });
    expect(id.status).toBe(1);
    expect(id.stdout).toBe('a.sop\n');
    expect(id.stderr).toBe('soplint: 1 berkas belum dalam tata letak baku (diharapkan: keluaran soplint fmt); rapikan dengan: soplint fmt .\n');
    const en = runCli(['fmt', '--check', '--lang', 'en', '.'], { cwd: dir });
    expect(en.stderr).toBe("soplint: 1 file is not in the canonical layout (expected: soplint fmt's output); format with: soplint fmt .\n");
    const written = runCli(['fmt', '--lang', 'id', '.'], { cwd: dir });
    expect(written.stdout).toBe('dirapikan: a.sop\n');
    const usage = runCli(['fmt', '--lang', 'id', '--width', '20', '.'], { cwd: dir });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--width harus bilangan bulat minimal 40, ditemukan '20'");
  });
});

/** A step whose Kegiatan is 95 columns long: within fmt's default width, past 60. */
const LONG =
  'Prosedur: Uji\nPelaksana:\n  a = A\n  1. [a] Menerima berkas permohonan dari pemohon dan mencatatnya dalam buku register harian\n     Waktu: 1 jam\n';

describe('soplint fmt: the width from the configuration (fmt.width)', { timeout: 120_000 }, () => {
  it("takes each file's nearest .soplintrc.yaml, and --width overrides it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-width-'));
    for (const book of ['kota', 'kecamatan']) mkdirSync(join(dir, book));
    writeFileSync(join(dir, 'kota', '.soplintrc.yaml'), 'fmt:\n  width: 60\n');
    writeFileSync(join(dir, 'kota', 'a.sop'), LONG);
    writeFileSync(join(dir, 'kecamatan', 'b.sop'), LONG);
    expect(LONG.split('\n')[3].length).toBeGreaterThan(60);
    expect(LONG.split('\n')[3].length).toBeLessThanOrEqual(100);

    // The kota book wraps at 60; the kecamatan one has no configuration: 100, nothing to do.
    const check = runCli(['fmt', '--check', '.'], { cwd: dir });
    expect(check.stdout).toBe('kota/a.sop\n');
    expect(check.status).toBe(1);
    expect(runCli(['fmt', '--check', '--width', '100', '.'], { cwd: dir }).status).toBe(0);

    expect(runCli(['fmt', '.'], { cwd: dir }).status).toBe(0);
    const kota = readFileSync(join(dir, 'kota', 'a.sop'), 'utf8');
    expect(kota.split('\n').every((line) => line.length <= 60)).toBe(true);
    expect(kota).toBe(formatSop(LONG, { width: 60 }));
    expect(readFileSync(join(dir, 'kecamatan', 'b.sop'), 'utf8')).toBe(LONG);
    expect(runCli(['fmt', '--check', '.'], { cwd: dir }).status).toBe(0);

    // --config FILE gives every file that configuration.
    const all = runCli(['fmt', '--check', '--config', 'kota/.soplintrc.yaml', '.'], { cwd: dir });
    expect(all.stdout).toBe('kecamatan/b.sop\n');
  });

  it('print-config shows the width a file is formatted at', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-width-'));
    writeFileSync(join(dir, '.soplintrc.yaml'), 'fmt:\n  width: 72\n');
    writeFileSync(join(dir, 'a.sop'), LONG);
    expect(JSON.parse(runCli(['print-config', 'a.sop'], { cwd: dir }).stdout).fmt).toEqual({ width: 72 });
    writeFileSync(join(dir, '.soplintrc.yaml'), 'preset: recommended\n');
    expect(JSON.parse(runCli(['print-config', 'a.sop'], { cwd: dir }).stdout).fmt).toEqual({ width: 100 });
  });

  it.each([
    ['fmt:\n  width: 30\n', '.soplintrc.yaml:2:10: /fmt/width: must be >= 40'],
    ['fmt:\n  width: wide\n', '.soplintrc.yaml:2:10: /fmt/width: must be integer'],
    ['fmt:\n  widht: 80\n', "unknown key 'widht' (known: width)"],
  ])('refuses a bad fmt setting with its line in the config file (exit 2): %j', (config, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-width-'));
    writeFileSync(join(dir, '.soplintrc.yaml'), config);
    writeFileSync(join(dir, 'a.sop'), LONG);
    const run = runCli(['fmt', '--check', 'a.sop'], { cwd: dir });
    expect(run.stderr).toContain(message);
    expect(run.status).toBe(2);
  });
});
