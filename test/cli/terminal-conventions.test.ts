/**
 * Colours, stdin and the summary line as users of ESLint, actionlint and markdownlint-cli2 expect
 * them (issue 20). Colour is judged by the presence of ESC sequences in the report; a terminal is
 * given to the CLI by util-linux `script`, which runs it on a pseudo-terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

// A folder of its own: the repository's .soplintrc.yaml ignores test/.
const WORK = mkdtempSync(join(tmpdir(), 'soplint-terminal-'));
const BROKEN = 'broken.sop';
writeFileSync(join(WORK, BROKEN), readFileSync(fromRoot('test/syntax/err/decisions.sop'), 'utf8'));
const ESC = /\x1b\[/;
// Unset everything colour depends on; each case sets what it tests.
const NEUTRAL = { NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color' };

/** The report on a pipe (not a terminal). */
function onPipe(env: NodeJS.ProcessEnv, extra: string[] = []): string {
  const run = runCli(['check', ...extra, BROKEN], { cwd: WORK, env: { ...NEUTRAL, ...env } });
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('[flow/');
  return run.stdout;
}

/** The report on a terminal: `script` gives the CLI a pseudo-terminal for stdout. */
function onTerminal(env: NodeJS.ProcessEnv, extra: string[] = []): string {
  const command = [fromRoot('bin/soplint.js'), 'check', ...extra, BROKEN].map((a) => `'${a}'`).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: WORK,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...NEUTRAL, ...env },
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toContain('[flow/');
  return run.stdout;
}

describe('colour', () => {
  it('is on by default on a terminal (the control case for the terminal tests)', { timeout: 60_000 }, () => {
    expect(onTerminal({})).toMatch(ESC);
  });

  it('is off by default on a pipe', { timeout: 60_000 }, () => {
    expect(onPipe({})).not.toMatch(ESC);
  });

  it('is off with NO_COLOR=1 on a terminal', { timeout: 60_000 }, () => {
    expect(onTerminal({ NO_COLOR: '1' })).not.toMatch(ESC);
  });

  it('counts an empty NO_COLOR as unset (no-color.org)', { timeout: 60_000 }, () => {
    expect(onTerminal({ NO_COLOR: '' })).toMatch(ESC);
  });

  it('is off with FORCE_COLOR=0 on a terminal', { timeout: 60_000 }, () => {
    expect(onTerminal({ FORCE_COLOR: '0' })).not.toMatch(ESC);
  });

  it('is off with FORCE_COLOR=false on a terminal', { timeout: 60_000 }, () => {
    expect(onTerminal({ FORCE_COLOR: 'false' })).not.toMatch(ESC);
  });

  it.each(['1', '2', '3', 'true'])('is on with FORCE_COLOR=%s on a pipe', { timeout: 60_000 }, (value) => {
    expect(onPipe({ FORCE_COLOR: value })).toMatch(ESC);
  });

  it('is off with TERM=dumb on a terminal', { timeout: 60_000 }, () => {
    expect(onTerminal({ TERM: 'dumb' })).not.toMatch(ESC);
  });

  it('is on with --color, over NO_COLOR, FORCE_COLOR=0 and TERM=dumb, on a pipe', { timeout: 60_000 }, () => {
    expect(onPipe({ NO_COLOR: '1' }, ['--color'])).toMatch(ESC);
    expect(onPipe({ FORCE_COLOR: '0' }, ['--color'])).toMatch(ESC);
    expect(onPipe({ TERM: 'dumb' }, ['--color'])).toMatch(ESC);
  });

  it('is off with --no-color, over FORCE_COLOR=1, on a terminal', { timeout: 60_000 }, () => {
    expect(onTerminal({ FORCE_COLOR: '1' }, ['--no-color'])).not.toMatch(ESC);
  });

  it('never goes into a report file, even with --color', { timeout: 60_000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), 'soplint-color-')), 'report.txt');
    const run = runCli(['check', '--color', '-f', 'stylish', '-o', out, BROKEN], { cwd: WORK, env: NEUTRAL });
    expect(run.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('[flow/');
    expect(readFileSync(out, 'utf8')).not.toMatch(ESC);
  });
});

describe('- reads stdin', () => {
  const text = readFileSync(join(WORK, BROKEN), 'utf8');

  it('check -: the text is named <stdin> without --stdin-filename', { timeout: 60_000 }, () => {
    const run = runCli(['check', '-'], { input: text });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:7:23: error Expected a step number, 'selesai' or '\?' after '->', found 'nanti'\. \[syntax\/error\]$/m);
    expect(run.stdout).toContain(' 7 | ');
  });

  it('check - --stdin-filename NAME: the text is named NAME', { timeout: 60_000 }, () => {
    const run = runCli(['check', '-', '--stdin-filename', 'sops/baru.sop', '-f', 'json'], { input: text });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(new Set(report.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['sops/baru.sop']));
  });

  it('check - with a clean text exits 0', { timeout: 60_000 }, () => {
    const clean = readFileSync(fromRoot('sops/sop-506.sop'), 'utf8');
    const run = runCli(['check', '-', '--stdin-filename', 'sops/sop-506.sop', 'sops/'], { input: clean });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('check - refuses --fix (stdin is no file)', { timeout: 60_000 }, () => {
    const run = runCli(['check', '-', '--fix'], { input: text });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--fix cannot be used with - (stdin)');
  });

  it('render --format md - renders the text on stdin', { timeout: 60_000 }, () => {
    const run = runCli(['render', '--format', 'md', '-'], { input: readFileSync(fromRoot('sops/sop-506.sop'), 'utf8') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# SOP-506\/BKBPM — Temu Forum Anak$/m);
  });

  it('render - reports the syntax errors of stdin as <stdin>', { timeout: 60_000 }, () => {
    const run = runCli(['render', '--format', 'json', '-'], { input: text });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^<stdin>:7:23: error /m);
  });

  it('render - -o DIR writes stdin.EXT', { timeout: 60_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'soplint-render-stdin-'));
    const run = runCli(['render', '--format', 'md', '-o', out, '-'], { input: readFileSync(fromRoot('sops/sop-506.sop'), 'utf8') });
    expect(run.status).toBe(0);
    expect(readdirSync(out)).toContain('stdin.md');
  });
});

describe('a summary line on stderr when every report goes to a file', () => {
  it('says the counts and where the reports went', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-summary-'));
    const sarif = join(dir, 'x.sarif');
    const junit = join(dir, 'x.xml');
    const run = runCli(['check', '-f', 'sarif', '-o', sarif, '-f', 'junit', '-o', junit, BROKEN], { cwd: WORK });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(existsSync(sarif) && existsSync(junit)).toBe(true);
    const count = (severity: string) => JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results.filter((r: { level: string }) => r.level === severity).length;
    expect(run.stderr).toBe(
      `soplint: 1 file checked: ${count('error')} errors, ${count('warning')} warnings, ${count('note')} infos; reports written to ${sarif} (sarif), ${junit} (junit)\n`,
    );
  });

  it('is in Indonesian with --lang id', { timeout: 60_000 }, () => {
    const sarif = join(mkdtempSync(join(tmpdir(), 'soplint-summary-')), 'x.sarif');
    const run = runCli(['check', '--lang', 'id', '-f', 'sarif', '-o', sarif, BROKEN], { cwd: WORK });
    expect(run.stderr).toMatch(/^soplint: 1 berkas diperiksa: \d+ galat, \d+ peringatan, \d+ info; laporan ditulis ke .*x\.sarif \(sarif\)\n$/);
  });

  it('is not printed when a report goes to stdout', { timeout: 60_000 }, () => {
    const sarif = join(mkdtempSync(join(tmpdir(), 'soplint-summary-')), 'x.sarif');
    const run = runCli(['check', '-f', 'sarif', '-o', sarif, '-f', 'stylish', BROKEN], { cwd: WORK });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('✖');
  });
});
