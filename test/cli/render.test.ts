import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  describe('an invalid SOP is not drawn without a word', () => {
    // An undeclared actor gets a column of its own, an exit to a missing step a dangling arrow.
    const invalid = [
      'Judul SOP: Contoh tidak sah',
      'Prosedur: Contoh',
      'Pelaksana:',
      '  staf = Staf',
      '',
      '1. [staf] Menerima berkas',
      '2. [kabag] Memeriksa berkas',
      '   Keputusan: Ya -> 3, Tidak -> 9',
      '3. [staf] Mengarsipkan berkas',
      '',
    ].join('\n');
    const folder = () => {
      const dir = mkdtempSync(join(tmpdir(), 'soplint-render-invalid-'));
      writeFileSync(join(dir, 'contoh.sop'), invalid);
      writeFileSync(join(dir, '.soplintrc.yaml'), 'preset: recommended\n');
      return dir;
    };

    it('prints its errors on stderr and still renders (exit 0)', () => {
      const dir = folder();
      const run = runCli(['render', '--format', 'md', '--lang', 'en', 'contoh.sop'], { cwd: dir });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Menerima berkas');
      expect(run.stderr).toMatch(/contoh\.sop:7:\d+: error .*kabag.*\[actor\/undeclared\]/);
      expect(run.stderr).toMatch(/contoh\.sop:8:\d+: error .*9.*\[flow\/decision-exits\]/);
      expect(run.stderr).toMatch(/^soplint: \d+ errors: rendered anyway, review the drawing/m);
    });

    it('refuses to render with --strict: exit 1 and nothing written', () => {
      const dir = folder();
      const run = runCli(['render', '--strict', '--format', 'html', '--lang', 'id', '-o', 'out', 'contoh.sop'], { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/tidak ada yang ditampilkan \(--strict\)/);
      expect(existsSync(join(dir, 'out', 'contoh.html'))).toBe(false);
    });

    it('renders a clean SOP with --strict, and keeps the book quiet: its known defects are in its baseline', () => {
      const run = runCli(['render', '--strict', '--format', 'md', 'sops/sop-309.sop']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('|');
    });
  });
});
