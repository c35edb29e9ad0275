import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/configuration.js';
import { lintFiles } from '../../src/lint.js';
import { filesIn, fromRoot } from '../helpers/paths.js';

/**
 * docs/review.md classifies every finding of the book and of the office fixtures. A change to the rules
 * that adds or removes a finding must classify it there too: the table is the measured false-alarm rate.
 */
const CLASSES = ['defect of the source', 'defect of the transcription', 'false alarm'];

function reviewed(): { keys: Set<string>; rows: { key: string; classification: string }[] } {
  const markdown = readFileSync(fromRoot('docs/review.md'), 'utf8');
  const rows = [...markdown.matchAll(/^\| `([^`:]+):(\d+)` \| (\S+) \(\w+\) \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => ({
    key: `${m[1]}:${m[2]} ${m[3]}`,
    classification: m[4].trim(),
    reason: m[5].trim(),
  }));
  return { keys: new Set(rows.map((r) => r.key)), rows };
}

/** Every finding (not only each row's key): the summary counts findings, a row stands for all of its line's. */
function currentFindings(): { corpus: 'book' | 'offices'; key: string }[] {
  const book = lintFiles(filesIn(fromRoot('sops'), '.sop'), { cwd: fromRoot(), config: loadConfigFile(fromRoot('.soplintrc.yaml'), fromRoot()) });
  // The repository's configuration ignores test/**: the offices are checked with the preset alone.
  const dir = mkdtempSync(join(tmpdir(), 'soplint-review-'));
  writeFileSync(join(dir, '.soplintrc.yaml'), 'preset: recommended\n');
  const offices = lintFiles(filesIn(fromRoot('test/fixtures/offices'), '.sop'), {
    cwd: fromRoot(),
    config: loadConfigFile(join(dir, '.soplintrc.yaml'), fromRoot()),
  });
  const key = (d: { file: string; line: number; ruleId: string }) => `${d.file}:${d.line} ${d.ruleId}`;
  return [
    ...book.diagnostics.map((d) => ({ corpus: 'book' as const, key: key(d) })),
    ...offices.diagnostics.map((d) => ({ corpus: 'offices' as const, key: key(d) })),
  ];
}

/** The Summary table's figures for one corpus: findings, false alarms, defects of the transcription, rate. */
function summaryRow(markdown: string, corpus: 'book' | 'offices'): string[] {
  const label = corpus === 'book' ? 'the book (`sops/`)' : 'the offices (`test/fixtures/offices/`)';
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${label} |`)) ?? '';
  return line
    .split('|')
    .slice(2, 6)
    .map((cell) => cell.trim());
}

describe('docs/review.md', { timeout: 120_000 }, () => {
  const table = reviewed();
  const all = currentFindings();
  const findings = new Set(all.map((f) => f.key));

  it('classifies every current finding of the book and the offices', () => {
    expect(findings.size).toBeGreaterThan(100);
    expect([...findings].filter((k) => !table.keys.has(k))).toEqual([]);
  });

  it('lists no finding that no longer exists', () => {
    expect([...table.keys].filter((k) => !findings.has(k))).toEqual([]);
  });

  it('states in its Summary the figures its rows give, per finding', () => {
    const markdown = readFileSync(fromRoot('docs/review.md'), 'utf8');
    const classification = new Map(table.rows.map((r) => [r.key, r.classification]));
    for (const corpus of ['book', 'offices'] as const) {
      const mine = all.filter((f) => f.corpus === corpus);
      const count = (c: string) => mine.filter((f) => classification.get(f.key) === c).length;
      const rate = `${((100 * count('false alarm')) / mine.length).toFixed(1)}%`;
      expect(summaryRow(markdown, corpus), corpus).toEqual([
        String(mine.length),
        String(count('false alarm')),
        String(count('defect of the transcription')),
        rate,
      ]);
    }
  });

  it('uses one of the three classifications, each row once', () => {
    for (const row of table.rows) expect(CLASSES, row.key).toContain(row.classification);
    expect(table.rows.length).toBe(table.keys.size);
  });
});
