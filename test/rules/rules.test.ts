import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/rules/index.js';
import { expectGolden } from '../helpers/golden.js';
import { fromRoot } from '../helpers/paths.js';
import { configFor, docExamples, findingsOf, formatFindings, readCases, readSettings } from '../helpers/rule-harness.js';
import { fixTexts } from '../../src/fix.js';

describe.each(ALL_RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const folder = fromRoot('test/rules', id);
  const settings = readSettings(folder);

  it('has complete metadata, and its id is its file name', () => {
    expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*\/[a-z]+(?:-[a-z]+)*$/);
    expect(existsSync(fromRoot('src/rules', `${id}.ts`))).toBe(true);
    expect(rule.meta.description.id).not.toBe('');
    expect(rule.meta.description.en).not.toBe('');
    expect(rule.meta.rationale.en.length).toBeGreaterThan(20);
    expect(['error', 'warning', 'info']).toContain(rule.meta.defaultSeverity);
    expect(rule.meta.presets).toContain('strict');
  });

  it('finds nothing in the valid fixtures', () => {
    const cases = readCases(`${folder}/valid`);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(formatFindings(findingsOf(rule, c.files, settings), c.files), c.name).toBe('\n');
  });

  it('finds exactly the expected findings in the invalid fixtures', () => {
    const cases = readCases(`${folder}/invalid`);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const findings = findingsOf(rule, c.files, settings);
      expect(findings.length, c.name).toBeGreaterThan(0);
      for (const f of findings) {
        // Every message names what was expected or found; every finding suggests a fix.
        expect(f.message.en.length).toBeGreaterThan(15);
        expect(f.hint, `${c.name}: ${f.message.en}`).toBeDefined();
      }
      expectGolden(`${folder}/invalid/${c.name}.out`, formatFindings(findings, c.files));
      // Indonesian is the users' language and the default: every message and hint has its golden too.
      expectGolden(`${folder}/invalid/${c.name}.id.out`, formatFindings(findings, c.files, 'id'));
    }
  });

  it(rule.meta.fixable ? 'fixes its invalid fixtures, and the fixed files no longer have those findings' : 'offers no fix (not fixable)', async () => {
    const cases = readCases(`${folder}/invalid`);
    let fixesOffered = 0;
    for (const c of cases) {
      const offered = findingsOf(rule, c.files, settings).filter((f) => f.fix);
      fixesOffered += offered.length;
      if (!rule.meta.fixable) continue;
      const files = c.files.map((f) => ({ ...f }));
      const { fixed } = await fixTexts(files, { config: configFor(settings), rules: [rule] });
      const count = [...fixed.values()].reduce((a, b) => a + b, 0);
      expect(count, c.name).toBe(offered.length);
      // What a fix changed, as a golden; then no finding of the rule is left that a fix could resolve.
      const changed = files.filter((f, i) => f.text !== c.files[i].text);
      const golden = `${folder}/invalid/${c.name}.fixed`;
      if (changed.length) expectGolden(golden, changed.map((f) => `=== ${f.path}\n${f.text}`).join(''));
      else expect(existsSync(golden), `${golden}: nothing is fixed`).toBe(false);
      expect(
        findingsOf(rule, files, settings).filter((f) => f.fix),
        c.name,
      ).toEqual([]);
    }
    if (rule.meta.fixable) expect(fixesOffered).toBeGreaterThan(0);
    else expect(fixesOffered).toBe(0);
  });

  it('has a docs page whose incorrect and correct examples behave as documented', () => {
    const page = fromRoot('docs/rules', `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const markdown = readFileSync(page, 'utf8');
    expect(markdown).toContain(`# ${id}`);
    expect(markdown).toContain(`| Perbaikan otomatis / fixable | ${rule.meta.fixable ? 'ya / yes' : 'tidak / no'} |`);
    const incorrect = docExamples(markdown, /Incorrect|Salah/);
    const correct = docExamples(markdown, /Correct|Benar/);
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
    // A file rule's examples are files each; a corpus rule's examples in one section form one corpus.
    const corpora = (blocks: string[]) =>
      rule.meta.scope === 'corpus'
        ? [blocks.map((text, i) => ({ path: `example-${i}.sop`, text }))]
        : blocks.map((text, i) => [{ path: `example-${i}.sop`, text }]);
    corpora(incorrect).forEach((files, i) => expect(findingsOf(rule, files, settings).length, `incorrect example ${i}`).toBeGreaterThan(0));
    corpora(correct).forEach((files, i) => expect(formatFindings(findingsOf(rule, files, settings), files), `correct example ${i}`).toBe('\n'));
  });
});
