// Memory over large books (issue 17: 100,000 generated SOPs in under 400 MB peak RSS, the JSON report
// included). Two measures:
// 1. In this process: what phase 1 keeps per SOP for the rest of a run, the corpus-index entry as
//    phase 1 makes it and as a streamed run packs it (src/resolve/packed-entry.ts): heap (and packed
//    store) still in use with N and with 2N generated SOPs checked, the difference divided by N.
// 2. The built CLI, `soplint check sop -f json -o TMP`, on books of each size (bench/generate-corpus.mjs,
//    kept in bench/corpus-N/): wall and CPU time and peak RSS by GNU time, the load average beside them.
//    With `--before DIR` (a copy of an earlier checkout's bin/ and dist/), that build too, alternating.
// Writes its section of bench/RESULTS.md (between `<!-- memory:start -->` and `<!-- memory:end -->`).
// Usage: npm run build && npx tsx bench/memory.mjs [--before DIR] [--jobs N] [--limit S] [sizes...]
//   (default sizes 1000 10000 100000; a run over the limit, 3600 s by default, is stopped and shown as >S)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkFile } from '../src/checker/file-phase.ts';
import { chooseJobs } from '../src/checker/parallel.ts';
import { loadConfigFile } from '../src/configuration.ts';
import { EntryStore, packEntry } from '../src/resolve/packed-entry.ts';
import { ALL_RULES } from '../src/rules/index.ts';
import { machine, tempReport, writeSection } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv.splice(at, 2)[1] : fallback;
};
const before = option('--before');
const jobs = option('--jobs');
const LIMIT_S = Number(option('--limit', '3600'));
const sizes = argv.map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000, 100000];

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

/** bench/corpus-N, generated unless it already holds N SOPs. */
function corpus(size) {
  const dir = join(root, 'bench', `corpus-${size}`);
  const sops = join(dir, 'sop');
  if (!existsSync(sops) || readdirSync(sops).length !== size) {
    process.stderr.write(`generating ${size} SOPs in ${dir}\n`);
    execFileSync(process.execPath, [join(root, 'bench/generate-corpus.mjs'), String(size), dir], { stdio: 'ignore' });
  }
  return dir;
}

// 1. What phase 1 keeps per SOP.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
function keptPerSop(dir, count) {
  const config = loadConfigFile(join(dir, '.soplintrc.yaml'), dir);
  const fileRules = ALL_RULES.filter((rule) => rule.meta.scope === 'file');
  const names = readdirSync(join(dir, 'sop')).sort();
  const kept = (n, pack) => {
    const store = new EntryStore();
    gc();
    const start = process.memoryUsage().heapUsed;
    // In a function of its own: a temporary of this frame would stay alive through gc().
    const entries = (() =>
      names.slice(0, n).map((name) => {
        const text = readFileSync(join(dir, 'sop', name), 'utf8');
        const { entry } = checkFile(`sop/${name}`, () => text, config, fileRules);
        return pack ? packEntry(entry, store) : entry;
      }))();
    gc();
    const bytes = process.memoryUsage().heapUsed - start + store.bytes;
    return entries.length > 0 ? bytes : 0;
  };
  kept(200, true); // warm-up: the parser and the rules' first run
  const perSop = (pack) => (kept(2 * count, pack) - kept(count, pack)) / count;
  return { asMade: perSop(false), packed: perSop(true) };
}

// 2. The CLI on each size.
function run(build, dir) {
  const args = ['check', 'sop', '-f', 'json', '-o', tempReport(), ...(jobs ? ['--jobs', jobs] : [])];
  const load = loadavg()[0];
  const result = spawnSync('/usr/bin/time', ['-f', '@@ %e %U %S %M', join(build, 'bin/soplint.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: LIMIT_S * 1000,
    maxBuffer: 1 << 26,
  });
  const end = loadavg()[0];
  const line = (result.stderr ?? '').split('\n').find((l) => l.startsWith('@@ '));
  if (result.error || !line) return { cut: true, load, end };
  const [seconds, user, system, kb] = line.slice(3).split(' ').map(Number);
  return { seconds, cpu: user + system, peakMb: kb / 1024, load, end };
}

const began = new Date().toISOString().slice(0, 16).replace('T', ' ');
const at = machine();
const dirs = Object.fromEntries(SIZES.map((size) => [size, corpus(size)]));
const kept = keptPerSop(dirs[SIZES.find((s) => s >= 2000) ?? SIZES.at(-1)], 1000);
const builds = [{ label: 'this build', path: root }, ...(before ? [{ label: `before (${before})`, path: before }] : [])];
const rows = [];
for (const size of SIZES) {
  // Alternating: each size starts with the other build.
  const order = size === SIZES[0] || SIZES.indexOf(size) % 2 === 0 ? builds : [...builds].reverse();
  for (const build of order) {
    const chose = jobs ? Number(jobs) : chooseJobs({ cores: availableParallelism(), load: loadavg()[0], files: size });
    const r = run(build.path, dirs[size]);
    process.stderr.write(`${size} ${build.label}: ${r.cut ? 'cut' : `${r.seconds} s, ${r.peakMb.toFixed(0)} MB`}\n`);
    rows.push({ size, build: build.label, chose, ...r });
  }
}

say('## Memory over large books (bench/memory.mjs)');
say();
say('Generated by `npx tsx bench/memory.mjs` (this section is rewritten by it; do not edit by hand).');
say(
  `${began} UTC, ${at.cores} vCPUs, Node ${at.node}, load average at the start ${at.load} (1/5/15 min), at the end ${machine().load}; \`npx tsx bench/memory.mjs${before ? ` --before ${before}` : ''}${jobs ? ` --jobs ${jobs}` : ''} ${SIZES.join(' ')}\`.`,
);
say();
say(
  `What phase 1 keeps per SOP for the rest of a run (heap with 2,000 generated SOPs checked less heap with 1,000, per SOP; packed, the store's numbers included): the corpus-index entry as phase 1 makes it ${(kept.asMade / 1024).toFixed(1)} KB, packed as a streamed run keeps it ${(kept.packed / 1024).toFixed(1)} KB.`,
);
say();
say(
  '`soplint check sop -f json -o TMP` (the report written to a temporary file), one run per cell: wall and CPU seconds and peak RSS by GNU time; the load average (1 min) when the run started and ended. Goal: 100,000 SOPs under 400 MB.',
);
say();
say('| SOPs | build | threads | wall (s) | CPU (s) | µs CPU/SOP | peak RSS (MB) | load at start → end |');
say('|---:|---|---:|---:|---:|---:|---:|---|');
for (const r of rows)
  say(
    r.cut
      ? `| ${r.size} | ${r.build} | ${r.chose} | >${LIMIT_S} (stopped) | | | | ${r.load.toFixed(1)} → ${r.end.toFixed(1)} |`
      : `| ${r.size} | ${r.build} | ${r.chose} | ${r.seconds.toFixed(1)} | ${r.cpu.toFixed(1)} | ${((r.cpu * 1e6) / r.size).toFixed(0)} | ${r.peakMb.toFixed(0)} | ${r.load.toFixed(1)} → ${r.end.toFixed(1)} |`,
  );
writeSection(join(root, 'bench/RESULTS.md'), 'memory', lines.join('\n'));
