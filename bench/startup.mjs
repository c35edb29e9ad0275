// Start-up cost of `soplint check` and of `soplint render --format html` on one typical SOP, side by
// side with `node -e 0` in one run (the commands alternate run by run).
// Usage: node bench/startup.mjs [runs] [file]   (build first: npm run build)
// Prints the medians of wall time and, with GNU time, of CPU time (user + system: on a machine whose
// cores are shared, wall time is mostly the wait for a core) and their ratios to `node -e 0`; the
// recorded results live in bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 30);
const file = process.argv[3] ?? join(root, 'sops', 'sop-506.sop');
// The file must not be ignored by .soplintrc.yaml, or nothing would be checked (soplint exits 2).
if (!existsSync(join(root, 'dist', 'soplint.js'))) throw new Error('run `npm run build` first');

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function time(command, args, env) {
  const start = process.hrtime.bigint();
  const argv = GNU_TIME ? [GNU_TIME, ['-f', '@@ %U %S', command, ...args]] : [command, args];
  const result = spawnSync(argv[0], argv[1], { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
  // 0 or 1 (findings) means the file was checked; 2 would mean nothing was.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = /@@ ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  return cpu ? Object.assign(new Number(ms), { cpu: (Number(cpu[1]) + Number(cpu[2])) * 1000 }) : ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const COMMANDS = [
  ['soplint check FILE', ['check', file], 'target <= 1.5x'],
  ['soplint render --format html FILE', ['render', '--format', 'html', file], 'issue 17: half of 2.7x'],
];

/** The commands interleaved with `node -e 0`, so all see the same machine load; medians and their ratios. */
function compare(label, env) {
  const baseline = [];
  const samples = COMMANDS.map(() => []);
  for (let i = 0; i < runs; i++) {
    baseline.push(time(process.execPath, ['-e', '0'], env));
    COMMANDS.forEach(([, args], j) => samples[j].push(time(process.execPath, [join(root, 'bin', 'soplint.js'), ...args], env)));
  }
  const b = median(baseline.map(Number));
  const bCpu = GNU_TIME ? median(baseline.map((x) => x.cpu)) : NaN;
  console.log(
    `${label} (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')})`,
  );
  console.log(`  ${'node -e 0'.padEnd(34)} median ${b.toFixed(1)} ms${GNU_TIME ? `, CPU ${bCpu.toFixed(0)} ms` : ''}`);
  COMMANDS.forEach(([name, , target], j) => {
    const s = median(samples[j].map(Number));
    const cpu = GNU_TIME ? median(samples[j].map((x) => x.cpu)) : NaN;
    const cpuNote = GNU_TIME ? `; CPU ${cpu.toFixed(0)} ms, ${(cpu / bCpu).toFixed(2)}x` : '';
    console.log(`  ${name.padEnd(34)} median ${s.toFixed(1)} ms (+${(s - b).toFixed(1)} ms), ${(s / b).toFixed(2)}x${cpuNote} (${target})`);
  });
}

console.log(`node ${process.version}, ${runs} runs each, file ${file.replace(root + '/', '')}`);
compare('environment as it is:', process.env);
// NODE_EXTRA_CA_CERTS makes Node read a certificate bundle as it starts (tens of milliseconds on
// some machines), which inflates the baseline; the figure without it is the stricter one.
const { NODE_EXTRA_CA_CERTS, ...plain } = process.env;
if (NODE_EXTRA_CA_CERTS) compare('without NODE_EXTRA_CA_CERTS:', plain);

// Where soplint's addition goes, in the plain environment: two probe snapshots built here, one
// empty (what any user-land snapshot costs Node) and one of soplint's own snapshot script whose main
// function exits at once (the cost of restoring soplint's heap, before any work).
const blob = join(root, 'dist', 'soplint.blob');
if (existsSync(blob)) {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-startup-'));
  try {
    const script = readFileSync(join(root, 'dist', 'snapshot.cjs'), 'utf8');
    const hook = 'setDeserializeMainFunction(';
    if (script.split(hook).length !== 2) throw new Error(`dist/snapshot.cjs: expected one ${hook}`);
    writeFileSync(join(dir, 'empty.cjs'), "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {});\n");
    writeFileSync(join(dir, 'heap-only.cjs'), script.replace(hook, `${hook}() => process.exit(0)), void (`));
    for (const name of ['empty', 'heap-only']) {
      execFileSync(process.execPath, ['--snapshot-blob', join(dir, `${name}.blob`), '--build-snapshot', join(dir, `${name}.cjs`)], {
        cwd: root,
        stdio: 'pipe',
      });
    }
    const steps = [
      ['node -e 0', [process.execPath, '-e', '0']],
      ['an empty user-land snapshot', [process.execPath, '--snapshot-blob', join(dir, 'empty.blob')]],
      ["soplint's snapshot, exit at once", [process.execPath, '--snapshot-blob', join(dir, 'heap-only.blob'), 'check', file]],
      ['soplint check FILE', [join(root, 'bin', 'soplint'), 'check', file]],
    ];
    const samples = steps.map(() => []);
    for (let i = 0; i < runs; i++) steps.forEach(([, [command, ...args]], j) => samples[j].push(time(command, args, plain)));
    const medians = samples.map(median);
    console.log('where the time goes, without NODE_EXTRA_CA_CERTS:');
    steps.forEach(([label], j) => {
      const added = j === 0 ? '' : ` (+${(medians[j] - medians[j - 1]).toFixed(1)} ms)`;
      console.log(`  ${label.padEnd(34)} median ${medians[j].toFixed(1)} ms${added}, ${(medians[j] / medians[0]).toFixed(2)}x`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
