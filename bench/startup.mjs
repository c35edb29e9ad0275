// Start-up cost of `soplint check` on one typical SOP, side by side with `node -e 0` in one run.
// Usage: node bench/startup.mjs [runs] [file]   (build first: npm run build)
// Prints the medians and their ratio; the recorded results live in bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 30);
const file = process.argv[3] ?? join(root, 'sops', 'sop-506.sop');
// The file must not be ignored by .soplintrc.yaml, or nothing would be checked (soplint exits 2).
if (!existsSync(join(root, 'dist', 'soplint.js'))) throw new Error('run `npm run build` first');

function time(command, args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'ignore', env });
  // 0 or 1 (findings) means the file was checked; 2 would mean nothing was.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Both commands interleaved, so both see the same machine load; medians and their ratio. */
function compare(label, env) {
  const baseline = [];
  const soplint = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(time(process.execPath, ['-e', '0'], env));
    soplint.push(time(join(root, 'bin', 'soplint'), ['check', file], env));
  }
  const b = median(baseline);
  const s = median(soplint);
  console.log(label);
  console.log(`  node -e 0          median ${b.toFixed(1)} ms`);
  console.log(`  soplint check FILE median ${s.toFixed(1)} ms (+${(s - b).toFixed(1)} ms)`);
  console.log(`  ratio ${(s / b).toFixed(2)}x (target <= 1.5x)`);
}

console.log(`node ${process.version}, ${runs} runs each, file ${file.replace(root + '/', '')}`);
compare('environment as it is:', process.env);
// NODE_EXTRA_CA_CERTS makes Node read a certificate bundle as it starts (tens of milliseconds on
// some machines), which inflates the baseline; the figure without it is the stricter one.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS, ...plain } = process.env;
  compare('without NODE_EXTRA_CA_CERTS:', plain);
}
