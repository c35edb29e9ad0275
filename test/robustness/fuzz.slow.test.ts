/**
 * The fuzz harness in `npm test` (issue 19): a few thousand inputs (random bytes, random Unicode,
 * grammar-shaped text, mutations of the book, odd references) through the library, each asserted to
 * throw nothing, to give no internal error and to put every span inside its file and on its line;
 * a few of them through the built CLI too, which must report the same findings. The time per input
 * is measured and printed, never asserted (bench/fuzz.mjs runs 100,000 and counts slow inputs).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { checkInput, type FuzzInput, findingKey, fuzzInput } from './fuzz-harness.js';

const CASES = 3000;

// Thousands of property cases and CLI runs: 7 s on an idle machine, many times that on a busy one.
vi.setConfig({ testTimeout: 600_000 });

describe('fuzzing the library', () => {
  it(`${CASES} inputs: no exception, no internal error, every span on its line`, () => {
    const times: number[] = [];
    fc.assert(
      fc.property(fuzzInput, (input) => {
        const outcome = checkInput(input);
        times.push(outcome.ms);
        expect(outcome.problems).toEqual([]);
      }),
      { numRuns: CASES, seed: 19 },
    );
    times.sort((a, b) => a - b);
    console.log(`fuzz: ${times.length} inputs, median ${times[times.length >> 1].toFixed(1)} ms, max ${times.at(-1)!.toFixed(0)} ms per input`);
    expect(times).toHaveLength(CASES);
  }, 600_000);

  it('the CLI reports what the library reports, on a sample', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fuzz-cli-'));
    const inputs: FuzzInput[] = fc.sample(fuzzInput, { numRuns: 6, seed: 7 });
    expect(new Set(inputs.map((i) => i.kind)).size).toBeGreaterThan(1);
    inputs.forEach((input, n) => {
      const folder = join(dir, String(n));
      mkdirSync(folder);
      for (const f of input.files) writeFileSync(join(folder, f.path), f.bytes);
      const run = runCli(['check', '--no-baseline', '-f', 'json', '-o', 'report.json', ...input.files.map((f) => f.path)], { cwd: folder });
      expect(run.status, run.stderr).not.toBe(2);
      const cli = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8'))
        .findings.map(findingKey)
        .sort();
      const library = checkInput(input).diagnostics.map(findingKey).sort();
      expect(cli, `input ${n} (${input.kind})`).toEqual(library);
    });
  }, 300_000);
});
