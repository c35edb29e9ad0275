/** Where the workspace's installed soplint is (no VS Code API here, so the tests can run it). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The installed soplint nearest at or above a folder: its `node_modules/.bin/soplint` as a command
 * (not on Windows, where that is a shell script), else its bundle `node_modules/soplint/dist/soplint.js`
 * to start with Node.
 */
export function findInstalledSoplint(folder: string, platform: string = process.platform): { command: string } | { module: string } | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', 'soplint');
    if (platform !== 'win32' && existsSync(bin)) return { command: bin };
    const module = join(dir, 'node_modules', 'soplint', 'dist', 'soplint.js');
    if (existsSync(module)) return { module };
    if (dirname(dir) === dir) return undefined;
  }
}
