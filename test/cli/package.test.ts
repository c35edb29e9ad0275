/** What the npm package holds: packing runs npm itself, so this file belongs to the slow tier. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

// `npm pack` starts npm (a second Node process) and walks the tree: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

describe('the package', () => {
  it('ships what the CLI needs at run time: the launcher, the built bundle, the rule docs and the schemas', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: fromRoot(), encoding: 'utf8' });
    expect(packed.status).toBe(0);
    const files = new Set<string>(JSON.parse(packed.stdout)[0].files.map((f: { path: string }) => f.path));
    for (const needed of ['bin/soplint', 'dist/soplint.js', 'dist/worker.js', 'docs/rules/README.md', 'docs/rules/flow/no-steps.md', 'schemas/sop.schema.json', 'schemas/report.schema.json']) {
      expect(files, needed).toContain(needed);
    }
    // Not the tests, the corpus or the sources: they are not needed to run.
    expect([...files].some((f) => f.startsWith('test/') || f.startsWith('sops/') || f.startsWith('src/'))).toBe(false);
  });
});
