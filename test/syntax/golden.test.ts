import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCodeFrame } from '../../src/diagnostics/code-frame.js';
import { renderJson } from '../../src/emit/json.js';
import { parseSop } from '../../src/parse.js';
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
    // Even a broken file yields a document that the schema accepts.
    const validate = schemaValidator('sop.schema.json');
    expect(validate(JSON.parse(renderJson(document, source))), JSON.stringify(validate.errors)).toBe(true);
  });
});
