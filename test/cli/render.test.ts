import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FORMATS } from '../../src/emit/registry.js';
import { runCli } from '../helpers/cli.js';

// Each test starts the CLI as a child process.
vi.setConfig({ testTimeout: 60_000 });

describe('soplint render', () => {
  it('offers every format', () => {
    expect([...FORMATS].sort()).toEqual(['bpmn', 'docx', 'dot', 'html', 'json', 'md', 'mermaid', 'pdf', 'svg']);
  });

  // The binary formats are read back in test/render/pdf/ and test/render/docx/.
  it.each(FORMATS.filter((f) => f !== 'pdf' && f !== 'docx').map((f) => [f]))('renders one file as %s to stdout', (format) => {
    const run = runCli(['render', '--format', format, 'sops/sop-506.sop']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(format === 'bpmn' || format === 'svg' || format === 'html' ? 'Temu Forum Anak' : 'forum anak');
  });

  it('writes the whole corpus, one file per SOP, into a folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'soplint-render-'));
    const run = runCli(['render', '--format', 'md', '-o', out, 'sops/']);
    expect(run.status).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(20);
    expect(readFileSync(join(out, 'sop-407.md'), 'utf8')).toContain('Bulan Bakti Gotong Royong');
  });

  it('refuses several files to stdout, and an unknown format, with exit 2', () => {
    expect(runCli(['render', '--format', 'md', 'sops/']).status).toBe(2);
    expect(runCli(['render', '--format', 'odt', 'sops/sop-506.sop']).status).toBe(2);
  });
});
