/** SOPLINT_TIMING: a table of the phases and the slowest rules on stderr; the reports unchanged. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { PHASE, Timings, timingRows } from '../../src/util/timing.js';
import { fromRoot } from '../helpers/paths.js';

// Each test starts the CLI as a child process, over the book.
vi.setConfig({ testTimeout: 120_000 });

const RULE_IDS = new Set(ALL_RULES.map((r) => r.meta.id));
/** The names in the first column of a table that starts with `heading`. */
function tableNames(stderr: string, heading: string): string[] {
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${heading} `));
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.includes(' | ')) break;
    rows.push(line.split(' | ')[0].trim());
  }
  return rows;
}

describe('SOPLINT_TIMING', () => {
  const plain = runCli(['check', 'sops', '-f', 'json', '--jobs', '1'], { env: { SOPLINT_TIMING: '' } });
  const timed = runCli(['check', 'sops', '-f', 'json', '--jobs', '1'], { env: { SOPLINT_TIMING: '1' } });

  it('prints no table without the variable', () => {
    expect(plain.stderr).not.toMatch(/Time \(ms\)/);
  });

  it('prints the phases and the ten slowest rules, by real rule ids, to stderr', () => {
    const phases = tableNames(timed.stderr, 'Phase');
    expect(phases).toEqual(expect.arrayContaining([PHASE.read, PHASE.parse, PHASE.fileRules, PHASE.corpusRules, PHASE.report]));
    const rules = tableNames(timed.stderr, 'Rule');
    expect(rules).toHaveLength(10);
    for (const id of rules) expect(RULE_IDS.has(id), id).toBe(true);
  });

  it('leaves the report on stdout as it is', () => {
    expect(timed.status).toBe(plain.status);
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.stdout).not.toMatch(/Time \(ms\)/);
    expect(JSON.parse(timed.stdout)).toBeTruthy();
  });

  it('lists every rule that ran with SOPLINT_TIMING=all', () => {
    const all = runCli(['check', 'sops', '-f', 'json', '--jobs', '1'], { env: { SOPLINT_TIMING: 'all' } });
    expect(tableNames(all.stderr, 'Rule').length).toBeGreaterThan(10);
  });

  it('adds the times of worker threads to the table', () => {
    // Two worker threads: their tables are merged into the one printed.
    const run = runCli(['check', 'sops', '-f', 'json', '--jobs', '2'], { env: { SOPLINT_TIMING: '1' } });
    expect(run.stdout).toBe(plain.stdout);
    expect(tableNames(run.stderr, 'Rule')).toHaveLength(10);
  });
});

describe('the timing table', () => {
  it('reads the variable as ESLint reads TIMING', () => {
    expect(timingRows(undefined)).toBeUndefined();
    expect(timingRows('')).toBeUndefined();
    expect(timingRows('0')).toBeUndefined();
    expect(timingRows('1')).toBe(10);
    expect(timingRows('25')).toBe(25);
    expect(timingRows('all')).toBe(Number.POSITIVE_INFINITY);
  });

  it('sorts by time, shows shares, and merges a worker’s totals', () => {
    const timings = new Timings();
    timings.addRule('a/slow', 30);
    timings.addRule('b/fast', 10);
    const worker = new Timings();
    worker.addRule('b/fast', 50);
    worker.addPhase(PHASE.parse, 5);
    timings.merge(JSON.parse(JSON.stringify(worker.toJSON())));
    const text = timings.format(10);
    expect(tableNames(text, 'Rule')).toEqual(['b/fast', 'a/slow']);
    expect(text).toMatch(/b\/fast +\| +60\.0 \| +66\.7%/);
    expect(tableNames(text, 'Phase')).toEqual([PHASE.parse]);
    expect(readFileSync(fromRoot('docs/configuration.md'), 'utf8')).toContain('SOPLINT_TIMING');
  });
});
