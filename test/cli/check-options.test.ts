import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

// Each test starts the CLI as a child process.
vi.setConfig({ testTimeout: 60_000 });

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');
/** The clean SOP with one defect: step 4 numbered 6 (a numbering gap, a warning). */
const WITH_GAP = CLEAN.replace('  4. [kabid]', '  6. [kabid]').replace('Ya -> 4', 'Ya -> 6');
/** ... and an undeclared actor (an error). */
const WITH_ERROR = WITH_GAP.replace('2. [jfu]', '2. [staf]');

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-opts-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const CONFIG = 'externalSops:\n  - SOP Surat Keluar\n';

describe('configuration', () => {
  it('is found by walking up from the working directory', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG + 'rules:\n  step/numbering-gap: error\n', 'sops/deep/a.sop': WITH_GAP });
    const run = runCli(['check', 'a.sop'], { cwd: join(dir, 'sops/deep') });
    expect(run.stdout).toMatch(/a\.sop:\d+:3: error Step numbers jump from 3 to 6/);
    expect(run.status).toBe(1);
  });

  it('points at the line of an unknown rule, with a suggestion, and exits 2', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG + 'rules:\n  step/numbering-gp: error\n', 'a.sop': CLEAN });
    const run = runCli(['check', 'a.sop'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(".soplintrc.yaml:4:3: unknown rule 'step/numbering-gp'; did you mean 'step/numbering-gap'?");
  });

  it('points at the line of a schema error and of invalid YAML', () => {
    const dir = workspace({ 'bad.yaml': 'preset: strict\nrules:\n  step/numbering-gap: loud\n', 'yaml.yaml': 'rules: [\n', 'a.sop': CLEAN });
    const bad = runCli(['check', '--config', 'bad.yaml', 'a.sop'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^soplint: bad\.yaml:3:23: \/rules\/step~1numbering-gap: /m);
    const yaml = runCli(['check', '--config', 'yaml.yaml', 'a.sop'], { cwd: dir });
    expect(yaml.status).toBe(2);
    expect(yaml.stderr).toMatch(/yaml\.yaml:\d+:\d+: invalid YAML/);
  });

  it('validates rule options against the rule schema', () => {
    const dir = workspace({ '.soplintrc.yaml': 'rules:\n  identity/required-field: [error, { fields: [judul, warna] }]\n', 'a.sop': CLEAN });
    const run = runCli(['check', 'a.sop'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.soplintrc\.yaml:2:\d+: options of identity\/required-field: 'fields' has an unknown value 'warna'/);
  });

  it('applies overrides by path and ignores', () => {
    const dir = workspace({
      '.soplintrc.yaml': CONFIG + 'overrides:\n  - files: ["drafts/**"]\n    rules:\n      step/numbering-gap: off\nignores: ["old/**"]\n',
      'drafts/a.sop': WITH_GAP,
      'old/b.sop': WITH_ERROR.replace('SOP-901', 'SOP-902').replace('Contoh Bersih', 'Contoh Lama'),
      'c.sop': WITH_GAP.replace('SOP-901', 'SOP-903').replace('Contoh Bersih', 'Contoh Lain'),
    });
    const run = runCli(['check', '.'], { cwd: dir });
    expect(run.stdout).not.toContain('drafts/a.sop');
    expect(run.stdout).not.toContain('old/b.sop');
    expect(run.stdout).toContain('c.sop');
    expect(run.status).toBe(0); // only a warning left
  });

  it('prints the effective config for a file', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG + 'preset: strict\n', 'a.sop': CLEAN });
    const run = runCli(['print-config', 'a.sop'], { cwd: dir });
    const config = JSON.parse(run.stdout);
    expect(config.preset).toBe('strict');
    expect(config.rules['corpus/one-way-keterkaitan']).toBe('warning'); // strict raises infos to warnings
    expect(config.externalSops).toEqual(['SOP Surat Keluar']);
    // ESLint's spelling is the same command.
    for (const argv of [
      ['--print-config', 'a.sop'],
      ['check', '--print-config', 'a.sop'],
      ['check', '--print-config=a.sop'],
    ]) {
      const alias = runCli(argv, { cwd: dir });
      expect(alias.status, argv.join(' ')).toBe(0);
      expect(JSON.parse(alias.stdout)).toEqual(config);
    }
    expect(runCli(['check', '--print-config'], { cwd: dir }).status).toBe(2);
  });

  it('init writes a starter config that loads, and never overwrites one', () => {
    const dir = workspace({ 'a.sop': CLEAN });
    expect(runCli(['init'], { cwd: dir }).status).toBe(0);
    // A neutral start: no office's names (the clean SOP's reference is then an SOP not in the book, an
    // info, not a config error).
    expect(readFileSync(join(dir, '.soplintrc.yaml'), 'utf8')).not.toMatch(/^\s+- (SOP Surat Keluar|RKA|Program Kerja)$/m);
    const neutral = runCli(['check', 'a.sop'], { cwd: dir });
    expect(neutral.stdout).toContain('[xref/not-in-book]');
    writeFileSync(join(dir, '.soplintrc.yaml'), readFileSync(join(dir, '.soplintrc.yaml'), 'utf8').replace('externalSops: []', CONFIG));
    const declared = runCli(['check', 'a.sop'], { cwd: dir });
    expect(declared.status).toBe(0);
    expect(declared.stdout).not.toContain('[xref/not-in-book]');
    expect(runCli(['init'], { cwd: dir }).status).toBe(2);
  });
});

describe('exit codes and output options', () => {
  it('reports a damaged baseline and a --config folder plainly (exit 2), and --update-baseline repairs the baseline', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG + 'baseline: baseline.json\n', 'a.sop': WITH_ERROR, 'baseline.json': '{ "version": 1, "files": ' });
    const damaged = runCli(['check', 'a.sop'], { cwd: dir });
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toMatch(/^soplint: .*baseline\.json is not valid JSON; fix it, or write it anew with --update-baseline$/m);
    expect(damaged.stderr).not.toMatch(/\n\s+at /);
    expect(runCli(['check', 'a.sop', '--update-baseline'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check', 'a.sop'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'baseline.json'), '{ "version": 7, "files": {} }');
    expect(runCli(['check', 'a.sop'], { cwd: dir }).stderr).toContain('is not a soplint baseline (version 1)');
    const folder = runCli(['check', '--config', '.', 'a.sop'], { cwd: dir });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('--config takes a file, and . is a folder');
  });

  it('says which file it could not write, without a stack trace (exit 2)', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': CLEAN, 'notes.txt': 'a file, not a folder' });
    const check = runCli(['check', 'a.sop', '-f', 'json', '-o', 'notes.txt/report.json'], { cwd: dir });
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/^soplint: cannot mkdir .*notes\.txt: .* \(EEXIST\)$/m);
    expect(check.stderr).not.toMatch(/\n\s+at /);
    const render = runCli(['render', '-f', 'md', '-o', 'notes.txt', 'a.sop'], { cwd: dir });
    expect(render.status).toBe(2);
    expect(render.stderr).toContain('-o takes a folder to write one file per SOP into; notes.txt is a file');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('a file, not a folder');
  });

  it('will not write a report, the cache or the baseline over an SOP file (exit 2, the file untouched)', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': CLEAN });
    const attempts: [string[], string][] = [
      [['-f', 'sarif', '-o', 'a.sop'], 'will not write the sarif report over the SOP file a.sop'],
      [['--cache-location', 'a.sop'], 'will not write the cache over the SOP file a.sop'],
      [['--baseline', 'a.sop', '--update-baseline'], 'will not write the baseline over the SOP file a.sop'],
    ];
    for (const [args, message] of attempts) {
      const run = runCli(['check', 'a.sop', ...args], { cwd: dir });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(readFileSync(join(dir, 'a.sop'), 'utf8')).toBe(CLEAN);
    }
  });

  it('warnings alone exit 0; more than --max-warnings exit 1', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': WITH_GAP });
    expect(runCli(['check', 'a.sop'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check', '--max-warnings', '0', 'a.sop'], { cwd: dir }).status).toBe(1);
    expect(runCli(['check', '--max-warnings', '5', 'a.sop'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check', '--max-warnings', 'x', 'a.sop'], { cwd: dir }).status).toBe(2);
  });

  it('--quiet reports errors only', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': WITH_ERROR });
    const run = runCli(['check', '--quiet', 'a.sop'], { cwd: dir });
    expect(run.stdout).toContain('[actor/undeclared]');
    expect(run.stdout).not.toMatch(/: warning /);
    expect(run.status).toBe(1);
  });

  it('writes several formats in one run, each to its own file, stdout keeping the rest', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': WITH_ERROR });
    const run = runCli(['check', '-f', 'sarif', '-o', 'out.sarif', '-f', 'json', '-o', 'out.json', '-f', 'stylish', 'a.sop'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).summary.errors).toBe(1);
    expect(run.stdout).toContain('[actor/undeclared]');
    expect(run.stdout).not.toContain('"version"');
  });

  it('machine formats on stdout carry nothing else', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': WITH_ERROR });
    const run = runCli(['check', '-f', 'json', 'a.sop'], { cwd: dir });
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('suppressions and the baseline', () => {
  it('an inline directive with a reason suppresses; an unused one is reported', () => {
    const suppressed = WITH_GAP.replace('  6. [kabid]', '  # soplint-disable-next-line step/numbering-gap -- langkah 4-5 digabung\n  6. [kabid]');
    const unused = suppressed.replace('  1. [kasubbid]', '  # soplint-disable-next-line actor/undeclared -- tidak perlu\n  1. [kasubbid]');
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'a.sop': suppressed, 'b.sop': unused });
    const a = runCli(['check', 'a.sop'], { cwd: dir });
    expect(a.stdout).toBe('✔ 1 file checked, no problems\n');
    const b = runCli(['check', 'b.sop'], { cwd: dir });
    expect(b.stdout).toMatch(/b\.sop:\d+:3: warning The suppression of actor\/undeclared suppresses nothing\. \[suppression\/unused\]/);
    expect(b.stdout).not.toContain('[step/numbering-gap]');
  });

  it('names an unknown rule in a directive with the id meant, and says syntax findings cannot be suppressed', () => {
    const typo = WITH_GAP.replace('  6. [kabid]', '  # soplint-disable-next-line step/numbering-gp -- langkah 4-5 digabung\n  6. [kabid]');
    const syntax = CLEAN.replace('  1. [kasubbid]', '  # soplint-disable-next-line syntax/error -- hide it\n  1. [kasubbid]');
    const dir = workspace({ '.soplintrc.yaml': CONFIG, 'typo.sop': typo, 'syntax.sop': syntax });
    const typoRun = runCli(['check', 'typo.sop'], { cwd: dir });
    expect(typoRun.stdout).toMatch(
      /typo\.sop:\d+:3: warning The suppression names an unknown rule: 'step\/numbering-gp'\. \[suppression\/unused\]\n.*\n.*\n = did you mean 'step\/numbering-gap'\?/,
    );
    expect(typoRun.stdout).toContain('[step/numbering-gap]'); // not suppressed
    const syntaxRun = runCli(['check', 'syntax.sop'], { cwd: dir });
    expect(syntaxRun.stdout).toContain('syntax/error findings cannot be suppressed');
  });

  it("--update-baseline over part of the book keeps the other files' entries, and drops those of deleted files", () => {
    const dir = workspace({
      '.soplintrc.yaml': CONFIG + 'baseline: baseline.json\n',
      'sops/a.sop': WITH_ERROR,
      'sops/b.sop': WITH_GAP,
      'sops/c.sop': WITH_ERROR,
    });
    expect(runCli(['check', '--update-baseline', 'sops/'], { cwd: dir }).status).toBe(0);
    const files = () => Object.keys(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).files);
    expect(files()).toEqual(['sops/a.sop', 'sops/b.sop', 'sops/c.sop']);
    // Only a.sop is checked, now clean: its entry goes, b's and c's stay.
    writeFileSync(join(dir, 'sops/a.sop'), CLEAN);
    expect(runCli(['check', '--update-baseline', 'sops/a.sop'], { cwd: dir }).status).toBe(0);
    expect(files()).toEqual(['sops/b.sop', 'sops/c.sop']);
    expect(runCli(['check', 'sops/'], { cwd: dir }).status).toBe(0);
    // c.sop is deleted: the next update forgets it, even from a run over another file.
    rmSync(join(dir, 'sops/c.sop'));
    expect(runCli(['check', '--update-baseline', 'sops/b.sop'], { cwd: dir }).status).toBe(0);
    expect(files()).toEqual(['sops/b.sop']);
  });

  it('accepts recorded findings, fails on new ones, and reports stale entries', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG + 'baseline: baseline.json\n', 'a.sop': WITH_ERROR });
    expect(runCli(['check', 'a.sop'], { cwd: dir }).status).toBe(1);
    expect(runCli(['check', '--update-baseline', 'a.sop'], { cwd: dir }).status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.files['a.sop']['actor/undeclared']).toBe(1);
    expect(runCli(['check', 'a.sop'], { cwd: dir }).stdout).toBe('✔ 1 file checked, no problems (3 findings accepted by the baseline)\n');
    // A new defect of the same rule in the same file fails again.
    writeFileSync(join(dir, 'a.sop'), WITH_ERROR.replace('4. [kabid]', '4. [kabid2]').replace('6. [kabid]', '6. [kabid2]'));
    const worse = runCli(['check', 'a.sop'], { cwd: dir });
    expect(worse.status).toBe(1);
    expect(worse.stdout.match(/\[actor\/undeclared\]/g)!.length).toBeGreaterThanOrEqual(2);
    // Fixing the defect leaves a stale entry.
    writeFileSync(join(dir, 'a.sop'), WITH_GAP);
    const fixed = runCli(['check', 'a.sop'], { cwd: dir });
    expect(fixed.stdout).toMatch(/\[baseline\/stale\]/);
    expect(existsSync(join(dir, 'baseline.json'))).toBe(true);
  });
});

describe('rules and explain', () => {
  it('lists every rule offline and prints a rule page', () => {
    const rules = runCli(['rules']);
    expect(rules.stdout).toContain('step/numbering-gap');
    expect(rules.stdout).toContain('xref/unresolved');
    const explain = runCli(['explain', 'step/numbering-gap']);
    expect(explain.stdout).toMatch(/^# step\/numbering-gap/);
    expect(explain.status).toBe(0);
    expect(runCli(['explain', 'nope/rule']).status).toBe(2);
  });

  it("explains soplint's own findings too (every id a report can carry), and suggests the id meant", () => {
    const encoding = runCli(['explain', 'io/encoding']);
    expect(encoding.status).toBe(0);
    expect(encoding.stdout).toMatch(/^# io\/encoding\n\n.*not UTF-8/);
    expect(encoding.stdout).toContain('not configurable');
    expect(encoding.stdout).not.toContain('--fix');
    expect(runCli(['explain', 'syntax/unknown-label']).stdout).toContain('Some of its findings carry a fix');
    const typo = runCli(['explain', 'syntax/eror']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("did you mean 'syntax/error'?");
  });
});

describe('the baseline from another folder', () => {
  it('names files relative to the project, so it holds wherever soplint runs', () => {
    const dir = workspace({ '.soplintrc.yaml': CONFIG + 'baseline: baseline.json\n', 'sops/a.sop': WITH_ERROR });
    expect(runCli(['check', '--update-baseline', 'sops/'], { cwd: dir }).status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).files)).toEqual(['sops/a.sop']);
    const inside = runCli(['check', 'a.sop'], { cwd: join(dir, 'sops') });
    expect(inside.stdout).toBe('✔ 1 file checked, no problems (3 findings accepted by the baseline)\n');
    expect(inside.status).toBe(0);
  });
});

describe("--stdin-filename (an editor's unsaved buffer)", () => {
  const corpus = () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-stdin-'));
    cpSync(fromRoot('sops'), join(dir, 'sops'), { recursive: true });
    cpSync(fromRoot('.soplintrc.yaml'), join(dir, '.soplintrc.yaml'));
    return dir;
  };

  it('checks the buffer in place of the file, with the rest of the corpus, and reports only that file', () => {
    const dir = corpus();
    const onDisk = readFileSync(join(dir, 'sops/sop-506.sop'), 'utf8');
    const buffer = onDisk.replace(/^(\s*2\. \[)[^\]]+\]/m, '$1staf]');
    const run = runCli(['check', 'sops/', '--stdin-filename', 'sops/sop-506.sop'], { cwd: dir, input: buffer });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^sops\/sop-506\.sop:\d+:7: error The actor 'staf' is not declared/m);
    expect(run.stdout).toContain('2. [staf] Mengetik'); // the code frame shows the buffer, not the file
    expect(run.stdout.match(/^sops\/[^:]+/gm)?.every((f) => f === 'sops/sop-506.sop')).toBe(true);
    expect(run.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 1 file \(1 finding accepted by the baseline\)$/m);
    expect(readFileSync(join(dir, 'sops/sop-506.sop'), 'utf8')).toBe(onDisk); // nothing written
  });

  it('runs the corpus rules over the whole corpus (a unit code spelt unlike the others)', () => {
    const dir = corpus();
    const text = readFileSync(join(dir, 'sops/sop-309.sop'), 'utf8');
    const withCorpus = runCli(['check', '--no-baseline', 'sops/', '--stdin-filename', 'sops/sop-309.sop'], { cwd: dir, input: text });
    expect(withCorpus.stdout).toContain('[corpus/unit-code]');
    const alone = runCli(['check', '--no-baseline', 'sops/sop-309.sop', '--stdin-filename', 'sops/sop-309.sop'], { cwd: dir, input: text });
    expect(alone.stdout).not.toContain('[corpus/unit-code]');
  });

  it('passes a clean buffer under the baseline, checks a file not yet saved, will not update the baseline from a buffer, and skips an ignored one', () => {
    const dir = corpus();
    const clean = runCli(['check', 'sops/', '--stdin-filename', 'sops/sop-506.sop'], { cwd: dir, input: readFileSync(join(dir, 'sops/sop-506.sop'), 'utf8') });
    expect(clean.stdout).toContain('✔ 1 file checked, no problems');
    expect(clean.status).toBe(0);
    const unsaved = runCli(['check', 'sops/', '--stdin-filename', 'sops/baru.sop'], { cwd: dir, input: WITH_ERROR });
    expect(unsaved.status).toBe(1);
    expect(unsaved.stdout).toMatch(/^sops\/baru\.sop:\d+:\d+: error The actor 'staf' is not declared/m);
    expect(existsSync(join(dir, 'sops/baru.sop'))).toBe(false);
    const baseline = readFileSync(join(dir, 'sops/soplint-baseline.json'), 'utf8');
    const update = runCli(['check', 'sops/', '--update-baseline', '--stdin-filename', 'sops/sop-506.sop'], { cwd: dir, input: WITH_ERROR });
    expect(update.status).toBe(2);
    expect(update.stderr).toContain('--update-baseline cannot be used with --stdin-filename');
    expect(readFileSync(join(dir, 'sops/soplint-baseline.json'), 'utf8')).toBe(baseline);
    const ignored = runCli(['check', 'sops/', '--stdin-filename', 'test/a.sop'], { cwd: dir, input: WITH_ERROR });
    expect(ignored.status).toBe(0);
    expect(ignored.stderr).toContain('test/a.sop is ignored by .soplintrc.yaml');
  });
});
