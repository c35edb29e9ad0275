import { existsSync, readFileSync } from 'node:fs';
import { applyFixes } from '../../src/checker/apply-fixes.js';
import { BUILTIN_FINDINGS } from '../../src/rules/builtin-findings.js';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCodeFrame } from '../../src/diagnostics/code-frame.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { renderJson } from '../../src/emit/json.js';
import { parseSop } from '../../src/ast/parse.js';
import { expectGolden } from '../helpers/golden.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';

const okFixtures = filesIn(fromRoot('test/syntax/ok'), '.sop');
const errFixtures = filesIn(fromRoot('test/syntax/err'), '.sop');

describe('valid fixtures parse to the expected AST', () => {
  it.each(okFixtures.map((f) => [basename(f), f]))('%s', (name, file) => {
    const { document, source, diagnostics } = parseSop(readFileSync(file, 'utf8'), `test/syntax/ok/${name}`);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message.en}`)).toEqual([]);
    const json = renderJson(document, source);
    expectGolden(file.replace(/\.sop$/, '.json'), json);
    const validate = schemaValidator('sop.schema.json');
    expect(validate(JSON.parse(json)), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });
});

describe('syntax errors give exact, located, plain-language findings', () => {
  it.each(errFixtures.map((f) => [basename(f), f]))('%s', (name, file) => {
    const { document, source, diagnostics } = parseSop(readFileSync(file, 'utf8'), `test/syntax/err/${name}`);
    // Several errors in one file, all reported.
    expect(diagnostics.length).toBeGreaterThanOrEqual(3);
    for (const d of diagnostics) {
      expect(d.ruleId).toMatch(/^syntax\//);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(source.lineCount);
      expect(d.message.en).not.toMatch(/Label_|ValueText|ContinuationText|StepNumber|MismatchedToken/);
      expect(d.message.id).not.toBe(d.message.en);
    }
    const report = ['en', 'id'].map((lang) => diagnostics.map((d) => formatCodeFrame(d, source, lang as 'en' | 'id')).join('\n\n')).join('\n\n----\n\n');
    expectGolden(file.replace(/\.sop$/, '.out'), report + '\n');
    // Where the line meant is certain, the finding carries a fix; applied, it resolves the finding.
    const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    for (const d of diagnostics.filter((d) => d.fix)) expect(BUILTIN_FINDINGS.find((f) => f.id === d.ruleId)?.fixable, d.ruleId).toBe(true);
    const golden = file.replace(/\.sop$/, '.fixed');
    if (fixes.length) {
      const fixed = applyFixes(source.text, fixes);
      expect(fixed.deferred).toEqual([]);
      expectGolden(golden, fixed.text);
      const after = parseSop(fixed.text, `test/syntax/err/${name}`).diagnostics;
      expect(after.filter((d) => d.fix)).toEqual([]);
      // Each fixed finding is gone (a fixed label may reveal another finding, such as where it stands).
      const key = (d: Diagnostic) => `${d.line} ${d.ruleId} ${d.message.en}`;
      const left = new Set(after.map(key));
      for (const d of diagnostics.filter((d) => d.fix)) expect(left.has(key(d)), key(d)).toBe(false);
    } else expect(existsSync(golden)).toBe(false);
    // Even a broken file yields a document that the schema accepts.
    const validate = schemaValidator('sop.schema.json');
    expect(validate(JSON.parse(renderJson(document, source))), JSON.stringify(validate.errors)).toBe(true);
  });
});
