/**
 * Two books in one repository: each folder with its own .soplintrc.yaml is checked with it, wherever
 * soplint runs from, and corpus rules (duplicate numbers, references) see one book at a time.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NearestConfigs } from '../../src/configuration.js';
import { lint } from '../../src/lint.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');
// Both SOPs also list 'SOP SPPD' in Keterkaitan, which no step refers to (xref/unused-keterkaitan).
const withUnusedLink = (text: string, name: string) => text.replace(`Keterkaitan:\n  - ${name}\n`, `Keterkaitan:\n  - ${name}\n  - SOP SPPD\n`);

/**
 * kota/ refers to 'SOP Surat Keluar' and declares it; desa/ refers to 'SOP Surat Masuk' and declares
 * that. Both have the same number and title (fine: they are different books). desa/ raises
 * xref/unused-keterkaitan from info to error.
 */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-books-'));
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  write('kota/a.sop', withUnusedLink(CLEAN, 'SOP Surat Keluar'));
  write('kota/.soplintrc.yaml', 'externalSops:\n  - SOP Surat Keluar\n  - SOP SPPD\n');
  write('desa/sub/b.sop', withUnusedLink(CLEAN.replaceAll('SOP Surat Keluar', 'SOP Surat Masuk'), 'SOP Surat Masuk'));
  write('desa/.soplintrc.yaml', 'externalSops:\n  - SOP Surat Masuk\n  - SOP SPPD\nrules:\n  xref/unused-keterkaitan: error\n');
  return dir;
}

const findings = (stdout: string) => stdout.split('\n').filter((line) => /^\S+:\d+:\d+: /.test(line));

describe('books: the nearest .soplintrc.yaml above each file', () => {
  it('run from the parent folder, checks each book with its own externalSops and rule levels', () => {
    const dir = repository();
    const run = runCli(['check', '.'], { cwd: dir });
    expect(findings(run.stdout)).toEqual([
      "desa/sub/b.sop:16:5: error 'SOP SPPD' is listed in Keterkaitan, but no step refers to it. [xref/unused-keterkaitan]",
      "kota/a.sop:16:5: info 'SOP SPPD' is listed in Keterkaitan, but no step refers to it. [xref/unused-keterkaitan]",
    ]);
    // No duplicate number or title across the books, no unresolved reference: each has its own.
    expect(run.status).toBe(1);
  }, 60_000);

  it('run inside a book, gives that book the same findings as from the parent', () => {
    const dir = repository();
    const inside = runCli(['check', '.'], { cwd: join(dir, 'desa') });
    expect(findings(inside.stdout)).toEqual(["sub/b.sop:16:5: error 'SOP SPPD' is listed in Keterkaitan, but no step refers to it. [xref/unused-keterkaitan]"]);
    const one = runCli(['check', 'kota'], { cwd: dir });
    expect(findings(one.stdout)).toEqual(["kota/a.sop:16:5: info 'SOP SPPD' is listed in Keterkaitan, but no step refers to it. [xref/unused-keterkaitan]"]);
    expect(one.status).toBe(0);
  }, 60_000);

  it("keeps each book's baseline, written and applied from the parent folder", () => {
    const dir = repository();
    writeFileSync(join(dir, 'kota/.soplintrc.yaml'), 'externalSops:\n  - SOP Surat Keluar\n  - SOP SPPD\nbaseline: baseline.json\n');
    writeFileSync(
      join(dir, 'desa/.soplintrc.yaml'),
      'externalSops:\n  - SOP Surat Masuk\n  - SOP SPPD\nrules:\n  xref/unused-keterkaitan: error\nbaseline: baseline.json\n',
    );
    const update = runCli(['check', '.', '--update-baseline'], { cwd: dir });
    expect(update.stderr).toContain(join(dir, 'kota/baseline.json'));
    expect(update.stderr).toContain(join(dir, 'desa/baseline.json'));
    // Each names its files relative to its own book's folder.
    expect(JSON.parse(readFileSync(join(dir, 'kota/baseline.json'), 'utf8')).files).toEqual({ 'a.sop': { 'xref/unused-keterkaitan': 1 } });
    expect(JSON.parse(readFileSync(join(dir, 'desa/baseline.json'), 'utf8')).files).toEqual({ 'sub/b.sop': { 'xref/unused-keterkaitan': 1 } });
    const run = runCli(['check', '.', '-f', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    // The same baseline holds when run inside a book.
    expect(runCli(['check', '.'], { cwd: join(dir, 'desa') }).status).toBe(0);
  }, 60_000);

  it("print-config shows the file's own book's configuration", () => {
    const dir = repository();
    const printed = JSON.parse(runCli(['print-config', 'desa/sub/b.sop'], { cwd: dir }).stdout);
    expect(printed.config).toBe('desa/.soplintrc.yaml');
    expect(printed.externalSops).toEqual(['SOP Surat Masuk', 'SOP SPPD']);
    expect(printed.rules['xref/unused-keterkaitan']).toBe('error');
  }, 60_000);

  it('--config overrides every book: one configuration, one book', () => {
    const dir = repository();
    const run = runCli(['check', '.', '--config', 'kota/.soplintrc.yaml'], { cwd: dir });
    const lines = findings(run.stdout);
    // desa's external SOP is not declared in kota's configuration, and the two SOPs now share a book.
    expect(lines).toContain(
      "desa/sub/b.sop:15:5: info 'SOP Surat Masuk' is not among the checked files nor declared in externalSops (named 2 times in 1 file): references to it cannot be checked. [xref/not-in-book]",
    );
    expect(lines.some((l) => l.startsWith('kota/a.sop:4:12: error') && l.endsWith('[corpus/duplicate-number]'))).toBe(true);
    expect(lines).toContain("desa/sub/b.sop:16:5: info 'SOP SPPD' is listed in Keterkaitan, but no step refers to it. [xref/unused-keterkaitan]");
    expect(run.status).toBe(1);
  }, 60_000);

  it("with --cache, a change to one book's configuration re-checks that book", () => {
    const dir = repository();
    const cached = ['check', '.', '--cache', '--cache-location', join(dir, 'cache.json')];
    expect(findings(runCli(cached, { cwd: dir }).stdout)).toHaveLength(2);
    expect(findings(runCli(cached, { cwd: dir }).stdout)).toHaveLength(2);
    writeFileSync(join(dir, 'desa/.soplintrc.yaml'), "externalSops:\n  - SOP Surat Masuk\n  - SOP SPPD\nrules:\n  xref/unused-keterkaitan: 'off'\n");
    expect(findings(runCli(cached, { cwd: dir }).stdout)).toEqual([
      "kota/a.sop:16:5: info 'SOP SPPD' is listed in Keterkaitan, but no step refers to it. [xref/unused-keterkaitan]",
    ]);
  }, 60_000);

  it('lint() with NearestConfigs returns the books it checked', async () => {
    const dir = repository();
    const files = [join(dir, 'kota/a.sop'), join(dir, 'desa/sub/b.sop')];
    const result = await lint(files, { cwd: dir, configs: new NearestConfigs(dir) });
    expect(result.books.map((b) => [b.config.path, b.files])).toEqual([
      [join(dir, 'kota/.soplintrc.yaml'), ['kota/a.sop']],
      [join(dir, 'desa/.soplintrc.yaml'), ['desa/sub/b.sop']],
    ]);
    expect(result.fileCount).toBe(2);
    expect(result.diagnostics.map((d) => `${d.file} ${d.severity}`)).toEqual(['desa/sub/b.sop error', 'kota/a.sop info']);
  }, 60_000);
});
