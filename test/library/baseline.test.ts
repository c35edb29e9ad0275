/** The library applies a baseline itself (`lint(paths, { baseline })`), as `soplint check --baseline` does. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBaseline, lint, lintFiles, lintTexts, writeBaseline } from '../../src/index.js';

const SOP = `Nomor SOP: SOP-001/CONTOH
Judul SOP: Contoh

Prosedur: Prosedur Contoh
Pelaksana:
  staf = Staf
  1. [staf] Menerima surat.
     Output: Surat
  2. [staf] Mengarsipkan surat.
`;

describe('lint() with a baseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-lib-baseline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'contoh.sop');
  writeFileSync(file, SOP);

  it('leaves out what the baseline accepts and counts it', async () => {
    const before = await lint([file], { cwd: dir });
    expect(before.diagnostics.length).toBeGreaterThan(0);
    expect(before.acceptedByBaseline).toBe(0);
    writeBaseline(join(dir, 'baseline.json'), createBaseline(before.diagnostics));
    const after = await lint([file], { cwd: dir, baseline: 'baseline.json' });
    expect(after.diagnostics).toEqual([]);
    expect(after.acceptedByBaseline).toBe(before.diagnostics.length);
    expect(lintFiles([file], { cwd: dir, baseline: join(dir, 'baseline.json') }).acceptedByBaseline).toBe(before.diagnostics.length);
  });

  it('reports stale entries once findings are fixed', async () => {
    writeBaseline(join(dir, 'stale.json'), { version: 1, files: { 'contoh.sop': { 'no/such-rule': 2 } } });
    const result = await lint([file], { cwd: dir, baseline: 'stale.json' });
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('baseline/stale');
  });

  it('lintTexts without a baseline accepts nothing', () => {
    expect(lintTexts([{ path: 'contoh.sop', text: SOP }]).acceptedByBaseline).toBe(0);
  });
});
