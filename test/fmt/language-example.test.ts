import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

/** The last ```sop block of docs/language.md: the complete SOP the guide ends with. */
function finalExample(): string {
  const doc = readFileSync(fromRoot('docs/language.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## A complete SOP'));
  const match = /```sop\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('docs/language.md has no ```sop block under "## A complete SOP"');
  return match[1];
}

describe('the complete SOP at the end of docs/language.md', { timeout: 120_000 }, () => {
  const text = finalExample();
  const dir = mkdtempSync(join(tmpdir(), 'soplint-doc-'));
  writeFileSync(join(dir, 'contoh.sop'), text);

  it('uses the constructs it claims', () => {
    for (const construct of [
      'No. Revisi:',
      'Tujuan:',
      'Ruang Lingkup:',
      'Definisi:',
      'Persyaratan:',
      'Catatan Pelaksanaan:',
      'Keputusan:',
      'Lanjut: selesai',
      'Catatan:',
    ]) {
      expect(text).toContain(construct);
    }
    expect(text).toMatch(/^ {5}Lanjut: \d+$/m);
  });

  it('checks clean with the default configuration', () => {
    const run = runCli(['check', 'contoh.sop'], { cwd: dir });
    expect(run.stdout + run.stderr).toContain('no problems');
    expect(run.status).toBe(0);
  });

  it('is in the canonical layout', () => {
    const run = runCli(['fmt', '--check', 'contoh.sop'], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });
});
