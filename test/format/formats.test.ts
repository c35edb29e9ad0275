import AjvDraft04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceFile } from '../../src/diagnostics/source.js';
import { escapeData, escapeProperty, githubFormatter } from '../../src/format/github.js';
import { jsonFormatter } from '../../src/format/json.js';
import { junitFormatter } from '../../src/format/junit.js';
import { sarifFormatter } from '../../src/format/sarif.js';
import { stylishFormatter } from '../../src/format/stylish.js';
import type { ReportInput } from '../../src/format/types.js';
import { lintTexts } from '../../src/lint.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';

// A real run over fixtures with findings of several rules and severities, plus hostile text.
const files = [
  { path: 'sops/broken.sop', text: readFileSync(fromRoot('test/syntax/err/decisions.sop'), 'utf8') },
  { path: 'sops/hostile, "name": 100%.sop', text: readFileSync(fromRoot('test/render/fixtures/hostile.sop'), 'utf8') },
  { path: 'sops/clean.sop', text: readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8') },
  { path: 'sops/fixable.sop', text: readFileSync(fromRoot('test/rules/mutu-baku/waktu-format/invalid/abbreviations.sop'), 'utf8') },
];
const run = lintTexts(files);
const input = (diagnostics: Diagnostic[] = run.diagnostics): ReportInput => ({
  diagnostics,
  fileCount: files.length,
  files: files.map((f) => f.path),
  language: 'en',
  color: false,
  sources: new Map(files.map((f) => [f.path, new SourceFile(f.path, f.text)])),
  rules: ALL_RULES,
  toolVersion: '0.1.0',
});

describe('the run used by these tests', () => {
  it('has errors, warnings and infos, and a hostile file name', () => {
    const severities = new Set(run.diagnostics.map((d) => d.severity));
    expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
    expect(run.diagnostics.some((d) => d.file.includes('%'))).toBe(true);
    expect(run.diagnostics.some((d) => d.fix)).toBe(true);
  });

  it('says in the stylish summary how many findings --fix can resolve', () => {
    const fixable = run.diagnostics.filter((d) => d.fix).length;
    expect(stylishFormatter(input())).toContain(`\n  ${fixable} of them can be fixed automatically: soplint check --fix\n`);
    expect(stylishFormatter(input(run.diagnostics.filter((d) => !d.fix)))).not.toContain('--fix');
  });
});

describe('json', () => {
  it('validates against schemas/report.schema.json and counts what it lists', () => {
    const report = JSON.parse(jsonFormatter(input()));
    const validate = schemaValidator('report.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.findings).toHaveLength(run.diagnostics.length);
    expect(report.summary.errors).toBe(report.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    // A fix names the text it replaces: applied to the file, it writes the suggestion.
    const withFix = report.findings.filter((f: { fix?: unknown }) => f.fix);
    expect(withFix.length).toBe(run.diagnostics.filter((d) => d.fix).length);
    expect(report.summary.fixable).toBe(withFix.length);
    const text = files.find((f) => f.path === withFix[0].file)!.text;
    const { offset, endOffset, text: replacement } = withFix[0].fix;
    expect(withFix[0].hint).toContain(replacement);
    expect(text.slice(offset, endOffset)).not.toBe(replacement);
  });

  it('is rejected by the schema when a finding lacks its rule id (negative control)', () => {
    const report = JSON.parse(jsonFormatter(input()));
    delete report.findings[0].ruleId;
    expect(schemaValidator('report.schema.json')(report)).toBe(false);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(fromRoot('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const sarif = JSON.parse(sarifFormatter(input()));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('carries each fix as a replacement of a character region of the file', () => {
    const sarif = JSON.parse(sarifFormatter(input()));
    const fixed = sarif.runs[0].results.filter((r: { fixes?: unknown }) => r.fixes);
    expect(fixed.length).toBe(run.diagnostics.filter((d) => d.fix).length);
    for (const result of fixed) {
      const change = result.fixes[0].artifactChanges[0];
      expect(change.artifactLocation.uri).toBe(result.locations[0].physicalLocation.artifactLocation.uri);
      const { deletedRegion, insertedContent } = change.replacements[0];
      const text = files.find((f) => encodeURI(f.path) === change.artifactLocation.uri)!.text;
      // The region replaced is the text the finding points at.
      const source = new SourceFile('x', text);
      expect(source.positionAt(deletedRegion.charOffset)).toEqual({
        line: result.locations[0].physicalLocation.region.startLine,
        column: result.locations[0].physicalLocation.region.startColumn,
      });
      expect(insertedContent.text.length).toBeGreaterThan(0);
    }
  });

  it('describes every rule it reports and gives each result a full region and a relative uri', () => {
    const sarif = JSON.parse(sarifFormatter(input()));
    const rules = sarif.runs[0].tool.driver.rules;
    for (const rule of rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
    }
    for (const result of sarif.runs[0].results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^\//);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.endColumn).toBeGreaterThan(0);
    }
  });

  it('is rejected by the schema when a result has an invalid level (negative control)', () => {
    const sarif = JSON.parse(sarifFormatter(input()));
    sarif.runs[0].results[0].level = 'fatal';
    expect(validate(sarif)).toBe(false);
  });
});

describe('github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('writes one well-formed annotation per finding, then the full list', () => {
    const out = githubFormatter(input());
    const annotations = out.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(run.diagnostics.length);
    for (const line of annotations) {
      const match = /^::(error|warning|notice) (file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]*)::([^\r\n]*)$/.exec(line);
      expect(match, line).not.toBeNull();
    }
    expect(out).toContain('file=sops/hostile%2C "name"%3A 100%25.sop');
    expect(out.split('\n').filter((l) => / \[[a-z-]+\/[a-z-]+\]$/.test(l))).toHaveLength(run.diagnostics.length);
  });
});

describe('junit', () => {
  it('is well-formed XML with one suite per file and one failure per error or warning', () => {
    const xml = junitFormatter(input());
    const document = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    const suites = [...document.getElementsByTagName('testsuite')];
    expect(suites.map((s) => s.getAttribute('name')).sort()).toEqual(files.map((f) => f.path).sort());
    const failures = document.getElementsByTagName('failure').length;
    expect(failures).toBe(run.diagnostics.filter((d) => d.severity !== 'info').length);
    expect(suites.reduce((sum, s) => sum + Number(s.getAttribute('failures')), 0)).toBe(failures);
  });

  it('is rejected by the XML parser when not escaped (negative control)', () => {
    expect(() => new JSDOM('<testsuites><testsuite name="a & <b>"/></testsuites>', { contentType: 'application/xml' })).toThrow();
  });
});
