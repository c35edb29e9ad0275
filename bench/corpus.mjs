// Corpus-scale benchmark of `soplint check`, side by side with yaml.parse + ajv on the same SOPs as
// YAML, in the same run. Records files/s, MB/s and peak memory (max RSS) for each size: a cold run,
// and a run with `--cache` after an earlier run filled it (nothing changed since).
// Usage: node bench/corpus.mjs [sizes...]   (default: 1000 10000 30000; build first: npm run build)
// Each figure is the median of 3 runs (the machines this runs on are noisy).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number);
const runs = sizes.length ? sizes : [1000, 10000, 30000];
const REPEAT = 3;

function bytesIn(dir) {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Wall time and peak RSS of a command (medians of REPEAT runs), via GNU time. */
function measure(command, args, cwd) {
  const samples = [];
  for (let i = 0; i < REPEAT; i++) {
    const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    const [seconds, kb] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
    samples.push({ seconds, peakMb: kb / 1024 });
  }
  const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(REPEAT / 2)];
  return { seconds: median('seconds'), peakMb: median('peakMb') };
}

console.log(`node ${process.version}; ${new Date().toISOString()}; median of ${REPEAT} runs`);
console.log('| SOPs | tool | time (s) | files/s | µs/file | MB/s | peak RSS (MB) | vs YAML + ajv |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const size of runs) {
  const dir = join(root, 'bench', `corpus-${size}`);
  execFileSync(process.execPath, [join(root, 'bench/generate-corpus.mjs'), String(size), dir], { stdio: 'ignore' });
  const sopBytes = bytesIn(join(dir, 'sop'));
  const yamlBytes = bytesIn(join(dir, 'yaml'));
  // The report goes to a temporary file: never to /dev/null, which a rename-based writer (an older
  // soplint, run as root) would replace with a regular file.
  const check = ['check', 'sop', '-f', 'json', '-o', join(mkdtempSync(join(tmpdir(), 'soplint-bench-')), 'report.json')];
  const yaml = measure(process.execPath, [join(root, 'bench/yaml-baseline.mjs'), join(dir, 'yaml')], dir);
  const cold = measure(join(root, 'bin/soplint.js'), check, dir);
  const cache = join(dir, '.soplintcache');
  rmSync(cache, { force: true });
  spawnSync(join(root, 'bin/soplint.js'), [...check, '--cache'], { cwd: dir });
  const warm = measure(join(root, 'bin/soplint.js'), [...check, '--cache'], dir);
  const row = (tool, m, bytes) =>
    `| ${size} | ${tool} | ${m.seconds.toFixed(2)} | ${Math.round(size / m.seconds)} | ${Math.round((m.seconds / size) * 1e6)} | ${(bytes / 1e6 / m.seconds).toFixed(1)} | ${m.peakMb.toFixed(0)} | ${(yaml.seconds / m.seconds).toFixed(1)}x |`;
  console.log(row('yaml.parse + ajv (schema only)', yaml, yamlBytes));
  console.log(row('soplint check (parse + every rule)', cold, sopBytes));
  console.log(row('soplint check --cache, nothing changed', warm, sopBytes));
}
