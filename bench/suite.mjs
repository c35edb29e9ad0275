// How long the test suite takes on this machine: `npm test` (build, typecheck, Biome, both vitest
// tiers) and `npm run test:fast`, alternating round by round. Issue 18's starting point: a fresh
// clone's `npm ci && npm test` took 9 min 51 s on a loaded 2-vCPU machine (and failed); the goal is half.
// Writes its table into bench/RESULTS.md (between `<!-- suite:start -->` and `<!-- suite:end -->`).
// Usage: node bench/suite.mjs [--rounds N]   (default: 1 round; a round runs both commands)
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleaved, machine, writeSection } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const roundsAt = argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 1;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const commands = [
  { label: 'npm test (full suite)', command: npm, args: ['test', '--silent'], cwd: root },
  { label: 'npm run test:fast', command: npm, args: ['run', 'test:fast', '--silent'], cwd: root },
];

const began = new Date().toISOString().slice(0, 16).replace('T', ' ');
const before = machine();
const results = interleaved(commands, ROUNDS, (c, s) => process.stderr.write(`${c.label}: ${s.seconds.toFixed(0)} s, CPU ${s.cpu.toFixed(0)} s\n`));
const after = machine();
const minutes = (s) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
const body = [
  '## Test suite duration (bench/suite.mjs)',
  '',
  `Run ${began} UTC, ${before.cores} cores, Node ${before.node}, load average (1/5/15 min) ${before.load} before, ${after.load} after; ${ROUNDS} round(s), the commands alternating.`,
  '',
  '| command | median | min | CPU (median) |',
  '|---|---|---|---|',
  ...results.map((r, i) => `| \`${commands[i].label}\` | ${minutes(r.median)} | ${minutes(r.min)} | ${minutes(r.cpu)} |`),
  '',
  `Issue 18 measured 9 min 51 s for \`npm ci && npm test\` on a loaded 2-vCPU machine; the goal is half (4 min 55 s). The full suite here: ${minutes(results[0].median)}.`,
].join('\n');
writeSection(join(root, 'bench/RESULTS.md'), 'suite', body);
console.log(body);
