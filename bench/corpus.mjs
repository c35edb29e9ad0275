// Corpus-scale benchmark of `soplint check`, side by side with yaml.parse + ajv on the same SOPs as
// YAML, in the same run. Records files/s, MB/s and peak memory (max RSS) for each size.
// Usage: node bench/corpus.mjs [sizes...]   (default: 1000 10000; build first: npm run build)
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number);
const runs = sizes.length ? sizes : [1000, 10000];

function bytesIn(dir) {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Wall time and peak RSS of a command, via GNU time. */
function measure(command, args, cwd) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = result.stderr.trim().split('\n').pop();
  const [seconds, kb] = last.split(' ').map(Number);
  return { seconds, peakMb: kb / 1024, status: result.status, stdout: result.stdout };
}

console.log(`node ${process.version}; ${new Date().toISOString()}`);
console.log('| SOPs | tool | time (s) | files/s | MB/s | peak RSS (MB) |');
console.log('|---:|---|---:|---:|---:|---:|');
for (const size of runs) {
  const dir = join(root, 'bench', `corpus-${size}`);
  execFileSync(process.execPath, [join(root, 'bench/generate-corpus.mjs'), String(size), dir], { stdio: 'ignore' });
  const sopBytes = bytesIn(join(dir, 'sop'));
  const yamlBytes = bytesIn(join(dir, 'yaml'));
  const soplint = measure(join(root, 'bin/soplint'), ['check', 'sop', '-f', 'json', '-o', '/dev/null'], dir);
  const yaml = measure(process.execPath, [join(root, 'bench/yaml-baseline.mjs'), join(dir, 'yaml')], dir);
  const row = (tool, m, bytes) =>
    `| ${size} | ${tool} | ${m.seconds.toFixed(2)} | ${Math.round(size / m.seconds)} | ${(bytes / 1e6 / m.seconds).toFixed(1)} | ${m.peakMb.toFixed(0)} |`;
  console.log(row('soplint check (parse + 28 rules + corpus rules)', soplint, sopBytes));
  console.log(row('yaml.parse + ajv (schema only)', yaml, yamlBytes));
  console.log(`|  | speed-up | ${(yaml.seconds / soplint.seconds).toFixed(1)}x |  |  |  |`);
}
