/**
 * Every terminal-facing output shows control characters and bidi controls from user text escaped
 * (issue 19): the stylish report, GitHub workflow commands, JUnit messages and the CLI's own errors.
 * Each is given ESC sequences (CSI, OSC 8 links), BEL, CR and a bidi override, in a file's text, in
 * a message quoting it and in a file name.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCodeFrame } from '../../src/diagnostics/code-frame.js';
import { diagnosticAt, localized, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceFile } from '../../src/diagnostics/source.js';
import { githubFormatter } from '../../src/format/github.js';
import { junitFormatter } from '../../src/format/junit.js';
import { stylishFormatter } from '../../src/format/stylish.js';
import type { ReportInput } from '../../src/format/types.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

/** The hostile pieces: each must reach no output raw. */
const HOSTILE = {
  esc: '\x1b[2J\x1b[31m',
  bel: '\x07',
  osc8: '\x1b]8;;https://evil.example\x07klik\x1b]8;;\x07',
  cr: 'aman\rPALSU',
  bidi: '\u202Eabc\u2066def\u2069',
};
const ALL = Object.values(HOSTILE).join(' ');

/** Any character the terminal would act on: C0 (but tab and line feed), DEL, C1, bidi controls. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const FILE = `sops/x${HOSTILE.esc}${HOSTILE.bidi}.sop`;
const TEXT = `Judul SOP: ${ALL}\nKeterkaitan:\n  - SOP ${HOSTILE.osc8}\n`;
const source = new SourceFile(FILE, TEXT);

function finding(): Diagnostic {
  const start = TEXT.indexOf('SOP \x1b');
  return diagnosticAt(
    source,
    { start, end: start + 12 },
    {
      ruleId: 'xref/unresolved',
      severity: 'error',
      message: localized(`'${ALL}' tidak dikenal.`, `'${ALL}' is unknown.`),
      hint: localized(`tulis ${HOSTILE.cr}`, `write ${HOSTILE.cr}`),
      related: [{ source, span: { start: 11, end: 20 }, message: localized(`juga ${HOSTILE.bidi}`, `also ${HOSTILE.bidi}`) }],
    },
  );
}

const input = (d: Diagnostic): ReportInput => ({
  diagnostics: [d],
  fileCount: 1,
  files: [FILE],
  language: 'en',
  color: false,
  sources: new Map([[FILE, source]]),
  rules: ALL_RULES,
  toolVersion: '0.0.0',
  timestamp: '2026-12-02T00:00:00',
  hostname: 'ci',
});

describe('report formats show user text escaped', () => {
  it('stylish: header, source line, underline, hint and related frame', () => {
    const out = stylishFormatter(input(finding()));
    expect(out).not.toMatch(RAW);
    expect(out).toContain('sops/x\\x1b[2J\\x1b[31mU+202Eabc');
    expect(out).toContain('aman\\x0dPALSU');
    expect(out).toContain('\\x1b]8;;https://evil.example\\x07klik');
    // The underline starts under the escaped text it marks: 'SOP \x1b' is 4 + 4 columns wide at its start.
    const lines = out.split('\n');
    const at = lines.findIndex((l) => /^ \d+ \| {3}- SOP/.test(l));
    const caret = lines[at + 1].indexOf('^');
    expect(lines[at].slice(caret, caret + 8)).toBe('SOP \\x1b');
  });

  it('a code frame alone (render and fmt print these) is escaped too', () => {
    expect(formatCodeFrame(finding(), source, 'id')).not.toMatch(RAW);
  });

  it('github: annotations and plain lines; no line can start a workflow command', () => {
    const out = githubFormatter(input(finding()));
    expect(out).not.toMatch(RAW);
    const lines = out.trimEnd().split('\n');
    // One annotation, one plain line with one related line, one summary: a line break in user text forged none.
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=sops\/x\\x1b\[2J\\x1b\[31mU\+202E/);
  });

  it('junit: failure message, text, suite and class names', () => {
    const out = junitFormatter(input(finding()));
    expect(out).not.toMatch(RAW);
    expect(out).not.toContain('&#13;');
    expect(out).toContain('aman\\x0dPALSU');
    expect(out).toContain('name="sops/x\\x1b[2J\\x1b[31mU+202Eabc');
  });
});

describe("the CLI's own messages show file names and arguments escaped", () => {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-terminal-'));
  const clean = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');

  it('a file that does not exist, an unknown option, a missing baseline', () => {
    writeFileSync(join(dir, 'x.sop'), clean);
    for (const args of [
      ['check', `no${HOSTILE.esc}pe${HOSTILE.bidi}.sop`],
      ['check', `--bad${HOSTILE.esc}`],
      ['check', 'x.sop', '--baseline', `b${HOSTILE.bel}${HOSTILE.cr}.json`],
    ]) {
      const run = runCli(args, { cwd: dir });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/\\x1b|\\x07/);
      expect(run.stderr, args.join(' ')).not.toMatch(RAW);
    }
  }, 120_000);

  it('findings in a file with a hostile name and text, in stylish, github and junit', () => {
    const sub = join(dir, 'books');
    mkdirSync(sub, { recursive: true });
    const name = `e${HOSTILE.esc}vil${HOSTILE.bidi}.sop`;
    writeFileSync(join(sub, name), clean.replace('Judul SOP: Contoh Bersih', `Judul SOP: ${ALL}`).replace('  - SOP Surat Keluar', `  - SOP ${HOSTILE.osc8}`));
    for (const format of ['stylish', 'github', 'junit']) {
      const run = runCli(['check', '--no-baseline', '-f', format, name], { cwd: sub });
      // The unknown reference is an info (xref/not-in-book): reported, and the exit stays 0.
      expect(run.status, format).toBe(0);
      expect(run.stdout, format).toContain('e\\x1b[2J\\x1b[31mvilU+202E');
      expect(run.stdout, format).not.toMatch(RAW);
      expect(run.stderr, format).not.toMatch(RAW);
    }
  }, 120_000);

  it('fmt names a hostile file escaped', () => {
    const sub = join(dir, 'fmt');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `f${HOSTILE.cr}${HOSTILE.esc}.sop`), `${clean}\n\n\n`);
    const run = runCli(['fmt', '--check', '.'], { cwd: sub });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('f' + 'aman\\x0dPALSU' + '\\x1b[2J');
    expect(run.stdout + run.stderr).not.toMatch(RAW);
  }, 120_000);
});
