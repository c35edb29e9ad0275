/** Run the built CLI (bin/soplint.js → dist/) as a user would: node starts the launcher, as npm's shims do. */
import { spawnSync } from 'node:child_process';
import { fromRoot } from './paths.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [fromRoot('bin/soplint.js'), ...args], {
    cwd: options.cwd ?? fromRoot(),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...options.env },
    input: options.input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
