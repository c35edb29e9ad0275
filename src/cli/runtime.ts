/** How this process was started: from the V8 startup snapshot (dist/soplint.blob) or the ESM bundle. */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const runtime = { fromSnapshot: false, argv: [] as string[] };

/**
 * Worker threads cannot start from a process restored from a startup snapshot (Node 20), so a run
 * that wants them continues in a fresh process of the ESM bundle, with the same arguments.
 */
export function rerunWithoutSnapshot(): number {
  const bundle = join(dirname(fileURLToPath(import.meta.url)), 'soplint.js');
  const result = spawnSync(process.execPath, [bundle, ...runtime.argv], { stdio: 'inherit' });
  return result.status ?? 2;
}

/**
 * End the process as soon as the report is out: once stdout and stderr have flushed, exit with the
 * code, instead of waiting for the event loop to wind down on its own.
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
