import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

// Worker threads over a generated corpus, in a child process.
vi.setConfig({ testTimeout: 120_000 });

describe('worker threads', () => {
  it('give exactly the findings of a single-threaded run, in the same order', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'soplint-par-')), 'corpus');
    execFileSync(process.execPath, [fromRoot('bench/generate-corpus.mjs'), '60', dir]);
    const one = runCli(['check', '-j', '1', '-f', 'json', 'sop'], { cwd: dir });
    const two = runCli(['check', '-j', '3', '-f', 'json', 'sop'], { cwd: dir });
    expect(one.status).toBe(two.status);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    expect(a.summary.files).toBe(60);
    expect(a.findings.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(runCli(['check', '-j', '0', 'sop'], { cwd: dir }).status).toBe(2);
  });
});
