import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { runCli } from '../helpers/cli.js';

// Each test starts the CLI as a child process.
vi.setConfig({ testTimeout: 60_000 });

const STEP = 'Prosedur: P\nPelaksana:\n  a = A\n  1. [a] Mulai\n';

describe('a file that is not UTF-8', () => {
  it('is one finding at the first undecodable character, counting the others', () => {
    // "Caf\xe9" and "R\xe9sum\xe9" as Windows-1252 bytes, decoded the way soplint reads files.
    const text = Buffer.from(`Judul SOP: Caf\xe9\n${STEP}  2. [a] R\xe9sum\xe9\n`, 'latin1').toString('utf8');
    const found = parseSop(text, 'x.sop').diagnostics.filter((d) => d.ruleId === 'io/encoding');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 1, column: 15, endColumn: 16 });
    expect(found[0].message.en).toContain('(and 2 more)');
    expect(found[0].message.id).toContain('(dan 2 lagi)');
    expect(found[0].hint?.en).toMatch(/UTF-8/);
  });

  it('is not reported for UTF-8 text with accents, a BOM or Indonesian letters', () => {
    const text = `\uFEFFJudul SOP: Café Résumé — “Kabid” ½\n${STEP}`;
    expect(parseSop(text, 'x.sop').diagnostics.filter((d) => d.ruleId === 'io/encoding')).toEqual([]);
  });

  it('fails `soplint check` (exit 1) with the location, and cannot be suppressed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-encoding-'));
    const bytes = Buffer.from(`# soplint-disable-next-line io/encoding -- trying to hide it\nJudul SOP: Caf\xe9\n${STEP}`, 'latin1');
    writeFileSync(join(dir, 'cp1252.sop'), bytes);
    const run = runCli(['check', 'cp1252.sop'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^cp1252\.sop:2:15: error This file is not UTF-8: UTF-8 text is expected, an unreadable character was found\. \[io\/encoding\]$/m,
    );
  });
});
