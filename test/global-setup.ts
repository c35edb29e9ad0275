/**
 * The CLI tests run the built bundle (dist/), as a user would. `npm test` builds first; a developer
 * who runs `npx vitest` after editing src/ would otherwise test yesterday's code, so build here when
 * dist/ is older than any source file (or missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from './helpers/paths.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function buildIfStale(): void {
  const bundle = fromRoot('dist/soplint.js');
  const sources = Math.max(newestMtime(fromRoot('src')), statSync(fromRoot('scripts/build.mjs')).mtimeMs);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  process.stderr.write('dist/ is older than src/: building it before the tests\n');
  execFileSync(process.execPath, [fromRoot('scripts/build.mjs')], { cwd: fromRoot(), stdio: 'inherit' });
}
