#!/usr/bin/env node
// soplint's command line, for every platform npm installs on (npm's Windows .cmd/.ps1 shims and its
// POSIX links all start this file with node). The code lives in dist/, built by `npm run build`.
//
// `soplint check` starts faster from dist/soplint.blob, a V8 startup snapshot with the parser
// already built, when there is one (a git checkout after `npm run build`; the npm package ships
// none, since a snapshot is not portable). Only a snapshot made by this very Node version on this
// platform and processor can be loaded, so it is an optimisation that never breaks a run: it is used
// only when dist/soplint.blob.node says it was built by this Node (version, platform, arch) and no
// Node options are in play; otherwise, and for every other command, the ESM bundle runs in this
// process, silently.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const args = process.argv.slice(2);
const blob = join(dist, 'soplint.blob');

/** The snapshot's stamp says it was built by this Node on this platform and processor. */
function snapshotFits() {
  try {
    const stamp = JSON.parse(readFileSync(`${blob}.node`, 'utf8'));
    return stamp.node === process.version && stamp.platform === process.platform && stamp.arch === process.arch && existsSync(blob);
  } catch {
    return false;
  }
}

// Node's own exit code when it cannot load a startup snapshot (soplint itself exits 0, 1 or 2).
const SNAPSHOT_LOAD_FAILED = 14;

/** Runs `check` from the snapshot in a child process; undefined when that could not start. */
function runFromSnapshot() {
  const child = spawnSync(process.execPath, ['--snapshot-blob', blob, ...args], { stdio: 'inherit' });
  if (child.error || child.status === SNAPSHOT_LOAD_FAILED) return undefined;
  if (child.signal) process.kill(process.pid, child.signal);
  return child.status ?? 2;
}

if (!existsSync(join(dist, 'soplint.js'))) {
  process.stderr.write('soplint: dist/ is missing: run `npm run build` first\n');
  process.exit(2);
}
const useSnapshot = args[0] === 'check' && process.execArgv.length === 0 && !process.env.NODE_OPTIONS && snapshotFits();
const status = useSnapshot ? runFromSnapshot() : undefined;
if (status !== undefined) process.exit(status);
else await import('../dist/soplint.js');
