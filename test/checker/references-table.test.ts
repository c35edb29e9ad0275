/** The reference table is built once per book by the engine, and every corpus rule is handed that one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { defaultConfig } from '../../src/configuration.js';
import { lintTexts } from '../../src/lint.js';
import { documentReferences, type ReferenceTable } from '../../src/resolve/references.js';
import type { CorpusRule } from '../../src/rules/rule.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { fromRoot } from '../helpers/paths.js';

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');

/** A corpus rule that only notes the table it is given. */
function spy(id: string, seen: ReferenceTable[]): CorpusRule {
  const meta = { ...ALL_RULES.find((r) => r.meta.id === 'xref/unresolved')!.meta, id, scope: 'corpus' as const };
  return { meta, check: (context) => void seen.push(context.references) };
}

describe('one reference table per book', () => {
  it('is handed to every corpus rule of the run, the same object, resolving the book and its externalSops', () => {
    const seen: ReferenceTable[] = [];
    const rules = [spy('xref/unresolved', seen), spy('xref/name-mismatch', seen), spy('corpus/one-way-keterkaitan', seen)];
    const base = defaultConfig('strict');
    const config = { ...base, settings: { ...base.settings, externalSops: ['SOP Surat Keluar'] } };
    lintTexts([{ path: 'a.sop', text: CLEAN }], { config, rules });
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0].resolve('SOP Contoh Bersih')?.kind).toBe('corpus');
    expect(seen[0].resolve('SOP surat keluar')?.canonical).toBe('SOP Surat Keluar');
    expect(seen[0].resolve('SOP-901/BKBPM')?.entry?.file).toBe('a.sop');
  });

  it("collects a document's references in one place: Keterkaitan first, then each step", () => {
    const { document, source } = parseSop(CLEAN, 'a.sop');
    expect(documentReferences(document, source).map((r) => [r.text, r.origin])).toEqual([
      ['SOP Surat Keluar', { kind: 'keterkaitan' }],
      ['SOP Surat Keluar', { kind: 'step', stepNumber: 4 }],
    ]);
  });
});
