// The language server's latency from a change to the published findings, on a book of generated
// SOPs (bench/generate-corpus.mjs): `soplint lsp` is started as an editor starts it (stdio), one file
// is opened and edited again and again (a word typed, then taken back), and each didChange is timed
// to the publishDiagnostics of that version. The debounce is set to 0 so that only the work counts
// (an editor adds its debounce, 150 ms by default, on top). The first check of the whole book is
// timed apart. Writes the figures to bench/RESULTS.md (section "Language server").
//
// Usage: node bench/lsp.mjs [SOPS=1000] [EDITS=40] [--before OLD/dist/soplint.js] [--rounds N]
//   --before: also measure another build (e.g. main's dist copied aside before a change), in
//             alternating runs (before, after, before, after, ...; N rounds, default 3) on the same
//             book, so that both see the same load on a shared machine; the table shows both.
// SOPLINT_BENCH_CPU_PROF=DIR: the server writes a V8 CPU profile there (node --cpu-prof).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const before = flag('--before');
const rounds = Number(flag('--rounds') ?? 3);
const count = Number(args[0] ?? 1000);
const edits = Number(args[1] ?? 40);
const current = join(root, 'dist/soplint.js');

const book = mkdtempSync(join(tmpdir(), 'soplint-lsp-bench-'));
execFileSync(process.execPath, [join(root, 'bench/generate-corpus.mjs'), String(count), book], { stdio: 'ignore' });
rmSync(join(book, 'yaml'), { recursive: true, force: true });
const files = readdirSync(join(book, 'sop'))
  .filter((f) => f.endsWith('.sop'))
  .sort();

/** One session of the server `script` on the book: the first check and `edits` timed edits. */
async function measure(script) {
  const profileDir = process.env.SOPLINT_BENCH_CPU_PROF;
  const server = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), script, 'lsp', '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const waiting = [];
  let published = 0;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published++;
    for (const w of [...waiting]) if (w.test(params)) waiting.splice(waiting.indexOf(w), 1) && w.resolve(params);
  });
  connection.onNotification('window/logMessage', () => {});
  connection.listen();
  const next = (test) => new Promise((resolve) => waiting.push({ test, resolve }));

  const target = join(book, 'sop', files[Math.floor(files.length / 2)]);
  const uri = pathToFileURL(target).href;
  const original = readFileSync(target, 'utf8');
  const lines = original.split('\n');
  const kegiatan = lines.findIndex((l) => /^\s+\d+\. \[/.test(l));

  const started = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(book).href,
    workspaceFolders: [{ uri: pathToFileURL(book).href, name: 'bench' }],
    capabilities: {},
    initializationOptions: { debounceMs: 0 },
  });
  const opened = next((p) => p.uri === uri && p.version === 1);
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sop', version: 1, text: original } });
  await opened;
  const firstCheck = performance.now() - started;
  const publishedFirst = published;

  // CPU time the server spends (Linux: /proc/PID/stat, utime + stime in clock ticks of 10 ms): on a
  // shared machine the wall-clock latency includes waiting for a CPU; this is the work itself.
  const cpuMs = () => {
    try {
      const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return NaN;
    }
  };
  const cpuBefore = cpuMs();
  const latencies = [];
  for (let version = 2; version < edits + 2; version++) {
    const typed = version % 2 === 0 ? lines.map((l, i) => (i === kegiatan ? `${l} segera` : l)).join('\n') : original;
    const done = next((p) => p.uri === uri && p.version === version);
    const t0 = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: typed }] });
    await done;
    latencies.push(performance.now() - t0);
  }
  const cpuPerEdit = (cpuMs() - cpuBefore) / latencies.length;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  // Let the server end by itself (it writes its CPU profile then), or stop it.
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.kill();
      resolve();
    }, 5000);
    server.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  connection.dispose();
  return { firstCheck, publishedFirst, latencies, cpuPerEdit };
}

const ms = (v) => v.toFixed(1);
function summarise(runs) {
  const latencies = runs.flatMap((r) => r.latencies);
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const firsts = runs.map((r) => r.firstCheck).sort((a, b) => a - b);
  return {
    sops: files.length,
    runs: runs.length,
    edits: latencies.length,
    firstCheckMs: Math.round(firsts[Math.floor(firsts.length / 2)]),
    filesPublishedFirst: runs[0].publishedFirst,
    medianMs: ms(at(0.5)),
    minMs: ms(sorted[0]),
    p90Ms: ms(at(0.9)),
    maxMs: ms(sorted.at(-1)),
    serverCpuMsPerEdit: ms(runs.reduce((s, r) => s + r.cpuPerEdit, 0) / runs.length),
  };
}

const after = [];
const old = [];
if (before) {
  for (let round = 0; round < rounds; round++) {
    old.push(await measure(resolve(before)));
    after.push(await measure(current));
  }
} else {
  after.push(await measure(current));
}
rmSync(book, { recursive: true, force: true });
const load = loadavg()[0].toFixed(1);
const summary = summarise(after);
const summaryBefore = before ? summarise(old) : undefined;
console.log(JSON.stringify({ ...(summaryBefore ? { before: summaryBefore } : {}), after: summary, loadAverage: load }));

const busy = loadavg()[0] > cpus().length;
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const row = (name, s) => `| ${name} | ${s.sops} | ${s.firstCheckMs} | ${s.medianMs} | ${s.minMs} | ${s.p90Ms} | ${s.maxMs} | ${s.serverCpuMsPerEdit} |`;
const command = `node bench/lsp.mjs ${count} ${edits}${before ? ` --before ${before} --rounds ${rounds}` : ''}`;
const section = `<!-- lsp:start -->
## Language server: change to published findings (bench/lsp.mjs)

\`soplint lsp\` over stdio on a book of ${summary.sops} generated SOPs (bench/generate-corpus.mjs), one
file open and edited ${edits} times per run (a word typed at the end of a Kegiatan line, then taken
back), each \`didChange\` timed to the \`publishDiagnostics\` of that version; debounce 0 (an editor
adds its own, 150 ms by default). Phase 1 runs again for the changed file only; the corpus rules
(cross-references, duplicate numbers) run over the whole book only when the edit changed what they
read (a title, a number, a reference, a suppression), otherwise their findings move along with the
edited file's entry (src/lsp/corpus-phase.ts; test/lsp/incremental-book.test.ts holds them equal to
\`soplint check\`'s after every kind of edit), and only files whose findings changed are converted
and published.
${when} UTC, ${cpus().length} vCPUs, load average ${load} at the end, \`${command}\`${
  before ? `: the build before the change and the current one measured in alternating runs (${rounds} each) on the same book` : ''
}:

| build | SOPs | first check of the book (ms) | median (ms) | min (ms) | p90 (ms) | max (ms) | server CPU per edit (ms) |
|---|---:|---:|---:|---:|---:|---:|---:|
${summaryBefore ? `${row('before (whole corpus phase on every edit)', summaryBefore)}\n` : ''}${row(before ? 'after (incremental corpus phase)' : 'current', summary)}

Goal: under 50 ms median after the first check. "Server CPU per edit" is the CPU time the server
process used per edit (from /proc): the work itself. The latencies also hold the wait for a CPU on a
shared machine.${
  busy
    ? `
**This run was on a busy machine** (load ${load} on ${cpus().length} vCPUs): the median and p90 are
mostly that wait; the minimum and the CPU per edit are the cost of a check.`
    : ''
}

The first check (start, find the files, check them all, publish the findings of every file that
has some) happens once per session. Where an edit's CPU went before (server profiled with
\`SOPLINT_BENCH_CPU_PROF=DIR\`, 2026-12-02): the corpus rules over the whole book ~17 ms in process
(xref/missing-keterkaitan, xref/name-mismatch and xref/unresolved's reference look-ups, a new
reference table each run), then the server compared the findings of all 1,000 files to what it had
published (a key per file, a file URL per path) every time; phase 1 of the edited file ~1.3 ms.
<!-- lsp:end -->
`;
const resultsPath = join(root, 'bench/RESULTS.md');
const results = readFileSync(resultsPath, 'utf8');
const replaced = /<!-- lsp:start -->[\s\S]*?<!-- lsp:end -->\n/.test(results)
  ? results.replace(/<!-- lsp:start -->[\s\S]*?<!-- lsp:end -->\n/, section)
  : `${results.trimEnd()}\n\n${section}`;
writeFileSync(resultsPath, replaced);
