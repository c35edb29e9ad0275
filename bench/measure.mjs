// Shared by the corpus benchmarks: timing a command with its peak RSS, interleaved rounds, medians,
// and regenerating a section of bench/RESULTS.md between marker comments.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * One run of a command: wall time (s), CPU time (user + system, s) and peak RSS (MB). With GNU time
 * present, its figures for the command; otherwise the wall clock here and the child's resource usage
 * (Node reports the peak RSS of the largest waited-for child). Exit codes 0 and 1 (findings) are fine.
 */
export function runOnce({ command, args, cwd, env }) {
  const start = process.hrtime.bigint();
  const before = process.resourceUsage();
  const argv = GNU_TIME ? [GNU_TIME, ['-f', '@@ %e %U %S %M', command, ...args]] : [command, [...args]];
  const result = spawnSync(argv[0], argv[1], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr?.slice(-2000)}`);
  if (GNU_TIME) {
    const line = result.stderr
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('@@ '));
    const [seconds, user, system, kb] = line.slice(3).split(' ').map(Number);
    return { seconds, cpu: user + system, peakMb: kb / 1024, status: result.status, output: result.stdout + result.stderr };
  }
  const after = process.resourceUsage();
  return { seconds: wall, cpu: NaN, peakMb: after.maxRSS / 1024, note: before.maxRSS, status: result.status, output: result.stdout + result.stderr };
}

/**
 * Runs every command `rounds` times, interleaved: round r runs them in turn starting at command
 * r mod n (A B C, B C A, C A B, …), so that the machine's drift falls on all of them alike.
 */
export function interleaved(commands, rounds, onRun) {
  const samples = commands.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (r + k) % commands.length;
      samples[i].push(runOnce(commands[i]));
      onRun?.(commands[i], samples[i].at(-1));
    }
  }
  return samples.map(summarise);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function summarise(samples) {
  const of = (key) => samples.map((s) => s[key]);
  return {
    runs: samples.length,
    median: median(of('seconds')),
    min: Math.min(...of('seconds')),
    cpu: median(of('cpu')),
    peakMb: median(of('peakMb')),
    samples,
  };
}

export const tempReport = (name = 'report.json') => join(mkdtempSync(join(tmpdir(), 'soplint-bench-')), name);

export function machine() {
  const [one, five, fifteen] = loadavg();
  return { cores: cpus().length, load: `${one.toFixed(1)} / ${five.toFixed(1)} / ${fifteen.toFixed(1)}`, node: process.version };
}

/** Replaces what lies between `<!-- NAME:start -->` and `<!-- NAME:end -->` in FILE (or appends it). */
export function writeSection(file, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(file, 'utf8');
  const block = `${start}\n${body.trim()}\n${end}`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  const next = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

export const cleanup = (path) => rmSync(path, { recursive: true, force: true });
