// The fuzz run of issue 19: 100,000 inputs (random bytes, random Unicode, grammar-shaped text,
// mutations of the book; test/robustness/fuzz-harness.ts) checked by the library. A failure is an
// exception, an internal error, a finding whose span is outside its file or its line, an input that
// took longer than the per-input limit, or (for every 500th input, run through the built CLI too) a
// difference between the CLI's findings and the library's. Failing inputs are written to a folder
// for replay.
// Usage: npm run build && npx tsx bench/fuzz.mjs [cases] [seed] [limit-ms]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { checkInput, findingKey, fuzzInput } from '../test/robustness/fuzz-harness.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 19);
const limitMs = Number(process.argv[4] ?? 2_000);
const CLI_EVERY = 500;
const BATCH = 500;
const out = mkdtempSync(join(tmpdir(), 'soplint-fuzz-'));
const failuresDir = join(out, 'failures');
// The CLI sampled is a copy of the build made at the start: a rebuild while the run goes on (other
// work in the same checkout) must not show as a difference.
const cliCopy = join(out, 'cli');
for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(cliCopy, part), { recursive: true });
// Not the startup snapshot: it loads the code from where it was built, not from this copy.
rmSync(join(cliCopy, 'dist/soplint.blob'), { force: true });

const counts = { cases: 0, failures: 0, exceptions: 0, spans: 0, internal: 0, slow: 0, cliRuns: 0, cliDifferences: 0 };
const byKind = {};
const times = [];
let slowest = { ms: 0, kind: '', at: -1 };

function record(at, input, problems) {
  counts.failures++;
  mkdirSync(join(failuresDir, String(at)), { recursive: true });
  for (const f of input.files) writeFileSync(join(failuresDir, String(at), f.path.replace(/[/\\]/g, '_')), f.bytes);
  writeFileSync(join(failuresDir, String(at), 'problems.txt'), problems.join('\n') + '\n');
  if (counts.failures <= 20) console.error(`#${at} (${input.kind}): ${problems.slice(0, 3).join(' | ').slice(0, 600)}`);
}

function viaCli(at, input, diagnostics) {
  const dir = join(out, `cli-${at}`);
  mkdirSync(dir);
  for (const f of input.files) writeFileSync(join(dir, f.path), f.bytes);
  const report = join(dir, 'report.json');
  const run = spawnSync(
    process.execPath,
    [join(cliCopy, 'bin/soplint.js'), 'check', '--no-baseline', '-f', 'json', '-o', report, ...input.files.map((f) => f.path)],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  counts.cliRuns++;
  let problems = [];
  try {
    const findings = JSON.parse(readFileSync(report, 'utf8')).findings;
    const cli = findings.map(findingKey).sort();
    const lib = diagnostics.map(findingKey).sort();
    if (JSON.stringify(cli) !== JSON.stringify(lib))
      problems = [
        `CLI and library differ: CLI ${cli.length}, library ${lib.length}: ${cli
          .filter((k) => !lib.includes(k))
          .concat(lib.filter((k) => !cli.includes(k)))
          .slice(0, 4)
          .join('; ')}`,
      ];
  } catch (error) {
    problems = [`CLI gave no report (exit ${run.status}): ${String(error).slice(0, 200)} ${run.stderr.slice(0, 300)}`];
  }
  rmSync(dir, { recursive: true, force: true });
  if (problems.length) counts.cliDifferences++;
  return problems;
}

const started = Date.now();
console.log(
  `node ${process.version}; ${new Date().toISOString()}; ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}; ${cases} cases, seed ${seed}, limit ${limitMs} ms per input`,
);
for (let first = 0; first < cases; first += BATCH) {
  const inputs = fc.sample(fuzzInput, { numRuns: Math.min(BATCH, cases - first), seed: seed * 1_000_003 + first });
  inputs.forEach((input, i) => {
    const at = first + i;
    const outcome = checkInput(input);
    counts.cases++;
    byKind[input.kind] = (byKind[input.kind] ?? 0) + 1;
    times.push(outcome.ms);
    if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, kind: input.kind, at };
    const problems = [...outcome.problems];
    for (const p of outcome.problems) {
      if (p.startsWith('exception')) counts.exceptions++;
      else if (p.startsWith('internal/')) counts.internal++;
      else counts.spans++;
    }
    if (outcome.ms > limitMs) {
      counts.slow++;
      problems.push(`took ${outcome.ms.toFixed(0)} ms (limit ${limitMs} ms)`);
    }
    if (at % CLI_EVERY === 0 && outcome.problems.length === 0) problems.push(...viaCli(at, input, outcome.diagnostics));
    if (problems.length) record(at, input, problems);
  });
  if ((first + BATCH) % 5_000 === 0) console.error(`${first + BATCH} cases, ${counts.failures} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
console.log(
  `kinds: ${Object.entries(byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(`per input: median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${slowest.ms.toFixed(0)} ms (#${slowest.at}, ${slowest.kind})`);
console.log(`CLI compared on ${counts.cliRuns} inputs, ${counts.cliDifferences} differences`);
console.log(
  `failures: ${counts.failures} (exceptions ${counts.exceptions}, internal errors ${counts.internal}, spans ${counts.spans}, over the limit ${counts.slow}, CLI differences ${counts.cliDifferences})`,
);
console.log(`${((Date.now() - started) / 60000).toFixed(1)} min; failing inputs kept in ${failuresDir}`);
if (counts.failures === 0) rmSync(out, { recursive: true, force: true });
process.exitCode = counts.failures ? 1 : 0;
