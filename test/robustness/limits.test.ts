/**
 * Limits as findings (issue 19): a file over limits.maxFileSize, or with more steps than
 * limits.maxSteps, is one io/too-large error, never a crash or a run of minutes; both are set in
 * .soplintrc.yaml. The CLI's report of it is a golden.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/configuration.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/io/limits.js';
import { lintTexts } from '../../src/lint.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { fromRoot } from '../helpers/paths.js';

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');

describe('io/too-large', () => {
  it('a text over the default size: one finding, nothing parsed', () => {
    const text = CLEAN + `# ${'x'.repeat(DEFAULT_MAX_FILE_SIZE)}\n`;
    const { diagnostics } = lintTexts([{ path: 'big.sop', text }]);
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([['io/too-large', 'error', 1, 1]]);
    expect(diagnostics[0].message.en).toMatch(/at most 20 MB \(20971520 bytes\) is expected, found 20 MB/);
    expect(diagnostics[0].message.id).toMatch(/^Berkas terlalu besar untuk diperiksa: paling besar 20 MB/);
  }, 120_000);

  it('limits from the configuration: size and steps', () => {
    const config = { ...defaultConfig(), limits: { maxFileSize: 1024, maxSteps: 3 } };
    const big = lintTexts([{ path: 'big.sop', text: CLEAN }], { config }).diagnostics;
    expect(big.map((d) => d.ruleId)).toEqual(['io/too-large']);
    const steps = lintTexts([{ path: 'x.sop', text: CLEAN }], { config: { ...config, limits: { maxSteps: 3 } } }).diagnostics;
    expect(steps.map((d) => d.ruleId)).toEqual(['io/too-large']);
    expect(steps[0].message.en).toBe('The file is too large to check: at most 3 steps are expected, found 4; no rule was run.');
    // At the limit, the file is checked as usual.
    const atLimit = lintTexts([{ path: 'x.sop', text: CLEAN }], { config: { ...config, limits: { maxSteps: 4 } } }).diagnostics;
    expect(atLimit.map((d) => d.ruleId)).not.toContain('io/too-large');
  });

  it('the CLI reports it like any finding, read no further than the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-limits-'));
    writeFileSync(join(dir, '.soplintrc.yaml'), 'limits:\n  maxFileSize: 2048\n  maxSteps: 3\n');
    writeFileSync(join(dir, 'besar.sop'), `${CLEAN}${'# komentar panjang\n'.repeat(200)}`);
    writeFileSync(join(dir, 'langkah.sop'), CLEAN.replace('SOP-901', 'SOP-902'));
    const run = runCli(['check', '--no-baseline', '--lang', 'id', '.'], { cwd: dir });
    expect(run.status).toBe(1);
    expectGolden(fromRoot('test/robustness/golden/too-large.stylish.txt'), run.stdout);
    const json = JSON.parse(runCli(['check', '--no-baseline', '-f', 'json', '.'], { cwd: dir }).stdout);
    expect(json.findings.map((f: { ruleId: string; file: string }) => `${f.file} ${f.ruleId}`)).toEqual(['besar.sop io/too-large', 'langkah.sop io/too-large']);
    expect(json.findings[0].docs).toBe('docs/rules/README.md#findings-of-the-pipeline-itself');
  }, 120_000);

  it('a wrong limits key or value is a configuration error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-limits-'));
    writeFileSync(join(dir, 'x.sop'), CLEAN);
    writeFileSync(join(dir, '.soplintrc.yaml'), 'limits:\n  maxSize: 10\n');
    const unknown = runCli(['check', 'x.sop'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/\.soplintrc\.yaml:2:3: \/limits: unknown key .*known: maxFileSize, maxSteps/);
    writeFileSync(join(dir, '.soplintrc.yaml'), 'limits:\n  maxSteps: 0\n');
    const low = runCli(['check', 'x.sop'], { cwd: dir });
    expect(low.status).toBe(2);
    expect(low.stderr).toMatch(/\.soplintrc\.yaml:2:\d+: \/limits\/maxSteps: must be >= 1/);
  }, 120_000);
});
