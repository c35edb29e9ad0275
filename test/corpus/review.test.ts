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

function current(): Set<string> {
  const book = lintFiles(filesIn(fromRoot('sops'), '.sop'), { cwd: fromRoot(), config: loadConfigFile(fromRoot('.soplintrc.yaml'), fromRoot()) });
  // The repository's configuration ignores test/**: the offices are checked with the preset alone.
  const dir = mkdtempSync(join(tmpdir(), 'soplint-review-'));
  writeFileSync(join(dir, '.soplintrc.yaml'), 'preset: recommended\n');
  const offices = lintFiles(filesIn(fromRoot('test/fixtures/offices'), '.sop'), {
    cwd: fromRoot(),
    config: loadConfigFile(join(dir, '.soplintrc.yaml'), fromRoot()),
  });
  return new Set([...book.diagnostics, ...offices.diagnostics].map((d) => `${d.file}:${d.line} ${d.ruleId}`));
}

describe('docs/review.md', { timeout: 120_000 }, () => {
  const table = reviewed();
  const findings = current();

  it('classifies every current finding of the book and the offices', () => {
    expect(findings.size).toBeGreaterThan(100);
    expect([...findings].filter((k) => !table.keys.has(k))).toEqual([]);
  });

  it('lists no finding that no longer exists', () => {
    expect([...table.keys].filter((k) => !findings.has(k))).toEqual([]);
  });

  it('uses one of the three classifications, each row once', () => {
    for (const row of table.rows) expect(CLASSES, row.key).toContain(row.classification);
    expect(table.rows.length).toBe(table.keys.size);
  });
});
