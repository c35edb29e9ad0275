import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';

// Each test starts the CLI as a child process.
vi.setConfig({ testTimeout: 60_000 });

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const VALID = readFileSync(fromRoot('test/syntax/ok/decisions.sop'), 'utf8');
const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');
const CLEAN_CONFIG = readFileSync(fromRoot('test/cli/fixtures/.soplintrc.yaml'), 'utf8');
const BROKEN = readFileSync(fromRoot('test/syntax/err/decisions.sop'), 'utf8');

describe('soplint check: exit codes and output', () => {
  it('exits 2 when a path does not exist, naming it', () => {
    const run = runCli(['check', 'no/such/dir']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no/such/dir');
    expect(run.stdout).toBe('');
  });

  it('exits 2 when a folder holds no .sop file', () => {
    const dir = workspace({ 'README.md': '# nothing here' });
    const run = runCli(['check', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no \.sop file/);
  });

  it('exits 2 on an unknown option or command', () => {
    expect(runCli(['check', '--bogus', 'x.sop']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
  });

  it('exits 2 with the usage when no command is given (a pipeline that ran nothing fails), 0 for --help, help and --version', () => {
    const bare = runCli([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Usage: soplint [options] [command]');
    for (const args of [['--help'], ['help'], ['help', 'check'], ['--version'], ['check', '--help']]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('reports every syntax error as file:line:col with a code frame, and exits 1', () => {
    const dir = workspace({ 'sops/broken.sop': BROKEN, 'sops/nested/ok.sop': VALID });
    const run = runCli(['check', 'sops'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^sops\/broken\.sop:5:17: error .* \[syntax\/invalid-value\]$/m);
    expect(run.stdout).toMatch(/^sops\/broken\.sop:7:23: error Expected a step number, 'selesai' or '\?' after '->', found 'nanti'\. \[syntax\/error\]$/m);
    expect(run.stdout).toContain('^~~');
    expect(run.stdout).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(run.stdout.match(/\[syntax\//g)).toHaveLength(5);
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings(, \d+ infos)?\) in 2 files/);
  });

  it('speaks Indonesian with --lang id or an Indonesian locale', () => {
    const dir = workspace({ 'broken.sop': BROKEN });
    expect(runCli(['check', '--lang', 'id', 'broken.sop'], { cwd: dir }).stdout).toContain('Diharapkan nomor langkah');
    expect(runCli(['check', 'broken.sop'], { cwd: dir, env: { LANG: 'id_ID.UTF-8' } }).stdout).toContain('galat');
  });

  it('exits 0 on a clean file', () => {
    const dir = workspace({ 'ok.sop': CLEAN, '.soplintrc.yaml': CLEAN_CONFIG });
    const run = runCli(['check', 'ok.sop'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ 1 file checked, no problems\n');
    expect(run.status).toBe(0);
  });
});

describe('soplint render --format json', () => {
  it('writes JSON that the published schema accepts', () => {
    const dir = workspace({ 'ok.sop': VALID });
    const run = runCli(['render', '--format', 'json', 'ok.sop'], { cwd: dir });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.file).toBe('ok.sop');
    expect(json.procedures[0].steps[1].decision.exits.map((e: { label: string }) => e.label)).toEqual(['Ya', 'Tidak']);
    const validate = schemaValidator('sop.schema.json');
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('writes one file per SOP with -o, through a temp file', () => {
    const dir = workspace({ 'a.sop': VALID, 'b.sop': VALID });
    const run = runCli(['render', '-f', 'json', '-o', 'out', '.'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/a.json'), 'utf8')).file).toBe('a.sop');
    expect(JSON.parse(readFileSync(join(dir, 'out/b.json'), 'utf8')).file).toBe('b.sop');
  });
});
