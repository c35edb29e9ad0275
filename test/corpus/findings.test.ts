import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfigFile } from '../../src/configuration.js';
import type { Diagnostic, Language } from '../../src/diagnostics/diagnostic.js';
import { formatStylish } from '../../src/format/stylish.js';
import { SourceFile } from '../../src/diagnostics/source.js';
import { lintFiles } from '../../src/lint.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';

// Each test starts the CLI as a child process.
vi.setConfig({ testTimeout: 60_000 });

const files = filesIn(fromRoot('sops'), '.sop');

const sources = new Map(files.map((f) => [`sops/${f.split('/').pop()}`, new SourceFile(`sops/${f.split('/').pop()}`, readFileSync(f, 'utf8'))]));
/** One finding as the stylish report prints it: header, code frame, hint and related locations. */
function printed(d: Diagnostic, language: Language): string {
  const report = formatStylish([d], { language, color: false, sources, fileCount: 1 });
  return report.slice(0, report.lastIndexOf('\n\n')).trim();
}

describe('the real corpus', () => {
  const config = loadConfigFile(fromRoot('.soplintrc.yaml'), fromRoot());
  const result = lintFiles(files, { cwd: fromRoot(), config });

  it("gives exactly the recorded findings: the source documents' real defects", () => {
    const report = result.diagnostics.map((d) => printed(d, 'en')).join('\n\n');
    expectGolden(fromRoot('test/corpus/findings.out'), report + '\n');
  });

  it('finds the defects the source is known for', () => {
    const has = (file: string, rule: string) => result.diagnostics.some((d) => d.file === `sops/${file}` && d.ruleId === rule);
    expect(has('sop-407.sop', 'step/numbering-gap')).toBe(true);
    expect(has('sop-408.sop', 'step/numbering-gap')).toBe(true);
    expect(has('sop-504.sop', 'step/unnumbered')).toBe(true);
    expect(has('sop-410.sop', 'identity/required-field')).toBe(true);
    expect(result.diagnostics.some((d) => d.ruleId === 'corpus/unit-code')).toBe(true);
    expect(result.diagnostics.some((d) => d.ruleId === 'chain/unproduced-input')).toBe(true);
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('syntax/'))).toEqual([]);
  });

  it("shows the corpus's real output as README's first example", () => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const section = /<!-- corpus-example:start -->([\s\S]*?)<!-- corpus-example:end -->/.exec(readme)?.[1] ?? '';
    const example = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const blocks = example
      .split('\n\n')
      .map((b) => b.trim())
      .filter((b) => b && !b.startsWith('...') && !b.startsWith('✖'));
    expect(blocks.length).toBeGreaterThan(0);
    // Each finding shown is what the checker prints for it, in English or in Indonesian.
    const shown = new Set(result.diagnostics.flatMap((d) => (['en', 'id'] as const).map((lang) => printed(d, lang))));
    for (const block of blocks) expect(shown, block).toContain(block);
    const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
    expect(example).toContain(
      `✖ ${result.diagnostics.length} problems (${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos) in ${files.length} files`,
    );
  });

  it("says in its JSON report how many findings the baseline accepts: all of the corpus's", () => {
    const withBaseline = JSON.parse(runCli(['check', 'sops/', '-f', 'json']).stdout);
    const everything = JSON.parse(runCli(['check', 'sops/', '--no-baseline', '-f', 'json']).stdout);
    for (const report of [withBaseline, everything]) expect(schemaValidator('report.schema.json')(report)).toBe(true);
    expect(withBaseline.findings).toEqual([]);
    expect(everything.findings.length).toBe(result.diagnostics.length);
    expect(withBaseline.summary.acceptedByBaseline).toBe(result.diagnostics.length);
    expect(everything.summary.acceptedByBaseline).toBe(0);
  });

  it('passes with its committed baseline, and a new defect fails it', () => {
    const clean = runCli(['check', 'sops/']);
    expect(clean.stdout).toMatch(/no problems/);
    expect(clean.status).toBe(0);
    // A copy of the project's corpus with one new defect: step 2 of SOP-506 names an undeclared actor.
    const dir = mkdtempSync(join(tmpdir(), 'soplint-corpus-'));
    cpSync(fromRoot('sops'), join(dir, 'sops'), { recursive: true });
    cpSync(fromRoot('.soplintrc.yaml'), join(dir, '.soplintrc.yaml'));
    const file = join(dir, 'sops/sop-506.sop');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace(/^(\s*2\. \[)[^\]]+\]/m, '$1staf]');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const run = runCli(['check', 'sops/'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/sops\/sop-506\.sop:\d+:\d+: error The actor 'staf' is not declared/);
  });
});
