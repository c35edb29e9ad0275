import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfigFile } from '../../src/configuration.js';
import { findSopFiles } from '../../src/files.js';
import { lintFiles } from '../../src/lint.js';
import { fromRoot } from '../helpers/paths.js';
import { LspClient } from './client.js';

// A generated book and a server process reading it: generous timeouts on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

describe('soplint lsp on a larger book (first reading in a worker thread)', () => {
  const root = mkdtempSync(join(tmpdir(), 'soplint-lsp-book-'));
  execFileSync(process.execPath, [fromRoot('bench/generate-corpus.mjs'), '80', root], { stdio: 'ignore' });
  rmSync(join(root, 'yaml'), { recursive: true, force: true });
  const client = new LspClient();
  afterAll(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes for every file the findings soplint check gives, at the same places', async () => {
    await client.initialize(root, { lang: 'en', debounceMs: 0 });
    const files = findSopFiles([root]).files;
    const expected = lintFiles(files, { cwd: root, config: loadConfigFile(join(root, '.soplintrc.yaml'), root) }).diagnostics;
    const withFindings = [...new Set(expected.map((d) => d.file))];
    expect(withFindings.length).toBeGreaterThan(10);
    for (const file of withFindings) {
      const uri = pathToFileURL(join(root, file)).href;
      const published = await client.waitForDiagnostics((p) => p.uri === uri);
      const want = expected.filter((d) => d.file === file).map((d) => `${d.line - 1}:${d.column - 1}-${d.endLine - 1}:${d.endColumn - 1} ${d.ruleId}`);
      const got = published.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`);
      expect(got, file).toEqual(want);
    }
    expect(client.log).toContain('soplint: read 80 files in worker threads');
  });
});
