// How check time grows with input size, for each pathological shape of issue 19 (test/robustness/
// shapes.ts): `soplint check FILE` (the built CLI) on 1 KB, 10 KB, 100 KB and 1 MB of each shape,
// the report written to a temporary file. Linear time shows as about 10x per row step once the
// process start (~0.1 s) no longer dominates.
// Usage: npm run build && npx tsx bench/scaling.mjs [sizes...]   (a run over 60 s is cut and shown as >60)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES } from '../test/robustness/shapes.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number);
const runs = sizes.length ? sizes : [1_000, 10_000, 100_000, 1_000_000];
const dir = mkdtempSync(join(tmpdir(), 'soplint-scaling-'));

console.log(`node ${process.version}; ${new Date().toISOString()}; seconds per check (CLI, one process each)`);
console.log(`| shape | ${runs.map((s) => `${s / 1000} KB`).join(' | ')} |`);
console.log(`|---|${runs.map(() => '---:').join('|')}|`);
for (const [name, make] of Object.entries(SHAPES)) {
  const cells = [];
  for (const size of runs) {
    const file = join(dir, 'x.sop');
    writeFileSync(file, make(size));
    const started = process.hrtime.bigint();
    const run = spawnSync(join(root, 'bin/soplint'), ['check', file, '-f', 'json', '-o', join(dir, 'report.json')], { timeout: 60_000, encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    cells.push(run.error ? '>60' : run.status === 2 ? `exit 2` : seconds.toFixed(2));
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
