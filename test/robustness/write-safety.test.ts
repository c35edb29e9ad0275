/**
 * Nothing is ever lost: the CLI's writers (reports, --fix, render -o) never destroy what they should
 * not touch, and two `--fix` runs at once leave every file as it was or as fixed, never garbled.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');
const FIXABLE = CLEAN.replace('Tanggal Pembuatan: 13 Oktober 2015', 'Tanggal Pembuatan: 13-10-2015');
const CONFIG = 'externalSops:\n  - SOP Surat Keluar\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-safety-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function cliAsync(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(fromRoot('bin/soplint'), args, { cwd, env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on('close', (status) => done({ status, stderr }));
  });
}

const sopTexts = (dir: string) =>
  new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith('.sop'))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );

describe('writers never destroy what they should not touch', () => {
  it('refuses a report path that is a symbolic link to an SOP (exit 2), and the SOP stays', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': CLEAN });
    symlinkSync(join(dir, 'a.sop'), join(dir, 'report.json'));
    const run = runCli(['check', 'a.sop', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/will not write the json report over the SOP file/);
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(CLEAN);
  });

  it('writes a report to /dev/null without replacing the device', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': CLEAN });
    const run = runCli(['check', 'a.sop', '-f', 'json', '-o', '/dev/null', '--cache', '--cache-location', '/dev/null'], { cwd: dir });
    expect(run.stderr).not.toMatch(/will not|cannot|internal error/);
    expect(run.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('--fix leaves a read-only file alone and says so; the other files are fixed', () => {
    const dir = workspace({
      '.soplintrc.yaml': CONFIG,
      'a.sop': FIXABLE,
      'b.sop': FIXABLE.replace('SOP-901', 'SOP-902').replace('Contoh Bersih', 'Contoh Dua'),
    });
    chmodSync(join(dir, 'a.sop'), 0o444);
    const run = runCli(['check', '--fix', '.'], { cwd: dir });
    expect(run.stderr).toContain('soplint: a.sop not fixed: read-only\n');
    expect(run.stderr).toContain('soplint: fixed 1 finding in 1 file\n');
    expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(FIXABLE);
    expect(statSync(join(dir, 'a.sop')).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(dir, 'b.sop'), 'utf8')).not.toContain('13-10-2015');
    expect(run.stdout).toContain('identity/date'); // a.sop's finding is still reported
    expect(run.status).toBe(1);
  });

  it('two --fix runs at once on the book: every file ends as the original or the fixed text', async () => {
    const original = workspace({});
    cpSync(fromRoot('sops'), original, { recursive: true });
    const fixedOnce = workspace({});
    cpSync(original, fixedOnce, { recursive: true });
    runCli(['check', '--fix', '.'], { cwd: fixedOnce });
    const before = sopTexts(original);
    const after = sopTexts(fixedOnce);
    const changed = [...before.keys()].filter((name) => before.get(name) !== after.get(name));
    expect(changed.length).toBeGreaterThan(0); // the book has findings --fix resolves
    for (let trial = 0; trial < 3; trial++) {
      const dir = workspace({});
      cpSync(original, dir, { recursive: true });
      const runs = await Promise.all([cliAsync(['check', '--fix', '.'], dir), cliAsync(['check', '--fix', '.'], dir)]);
      for (const run of runs) expect(run.stderr).not.toMatch(/internal error/);
      for (const [name, text] of sopTexts(dir)) expect([before.get(name), after.get(name)]).toContain(text);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
  }, 240_000);
});

describe('render -o DIR: no page lost', () => {
  it('names pages apart when two SOPs share a name or one is named like a corpus page, and says so', () => {
    const one = (nomor: string, judul: string) => CLEAN.replace('SOP-901', nomor).replace('Contoh Bersih', judul);
    const dir = workspace({
      'sops/index.sop': one('SOP-911', 'Indeks'),
      'sops/a/dup.sop': one('SOP-912', 'Satu'),
      'sops/b/dup.sop': one('SOP-913', 'Dua'),
      'sops/c/DUP.sop': one('SOP-914', 'Tiga'),
    });
    const run = runCli(['render', 'sops', '--format', 'html', '-o', 'site'], { cwd: dir });
    expect(run.stderr).toContain('is written as');
    const pages = readdirSync(join(dir, 'site')).sort();
    expect(pages).toHaveLength(6);
    expect(new Set(pages.map((p) => p.toLowerCase())).size).toBe(6);
    expect(pages).toContain('index.html');
    expect(pages).toContain('keterkaitan.html');
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toContain('Daftar SOP');
    const bodies = pages.filter((p) => !['index.html', 'keterkaitan.html'].includes(p)).map((p) => readFileSync(join(dir, 'site', p), 'utf8'));
    for (const judul of ['Indeks', 'Satu', 'Dua', 'Tiga']) expect(bodies.filter((b) => b.includes(judul))).toHaveLength(1);
  }, 60_000);
});

describe('render -o DIR: links never take a scheme from a file name', () => {
  it("links 'javascript:alert(document.domain).sop' as a relative, percent-encoded page", () => {
    const dir = workspace({
      'sops/javascript:alert(document.domain).sop': CLEAN,
      'sops/b.sop': CLEAN.replace('SOP-901', 'SOP-902').replace('Contoh Bersih', 'Contoh Dua'),
    });
    const run = runCli(['render', 'sops', '--format', 'html', '-o', 'site'], { cwd: dir });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(readdirSync(join(dir, 'site'))).toContain('javascript:alert(document.domain).html');
    for (const page of ['index.html', 'keterkaitan.html']) {
      const html = readFileSync(join(dir, 'site', page), 'utf8');
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs.length, page).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, page).toMatch(/^(\.\/|#|index\.html$|keterkaitan\.html$)/);
      expect(html).not.toMatch(/href="javascript:/i);
    }
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toContain('href="./javascript%3Aalert(document.domain).html"');
  }, 60_000);
});
