/**
 * The reports CI systems read, checked against the schemas those systems publish (issue 20): GitLab
 * Code Quality, the strict Ant JUnit XSD, SARIF links to the rule pages; and related locations
 * (where a duplicate was first declared) in every report, as goldens.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import pkg from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceFile } from '../../src/diagnostics/source.js';
import { DOCS_BASE_URL, REPOSITORY_URL, repositoryWebUrl } from '../../src/format/docs-url.js';
import { githubFormatter } from '../../src/format/github.js';
import { gitlabFormatter } from '../../src/format/gitlab.js';
import { jsonFormatter } from '../../src/format/json.js';
import { junitFormatter, junitTimestamp } from '../../src/format/junit.js';
import { REPORT_FORMATS } from '../../src/format/registry.js';
import { sarifFormatter } from '../../src/format/sarif.js';
import { stylishFormatter } from '../../src/format/stylish.js';
import type { ReportInput } from '../../src/format/types.js';
import { lintTexts } from '../../src/lint.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { expectGolden } from '../helpers/golden.js';
import { fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';

// Findings of several severities, a hostile file name, and findings with related locations in the
// same file (actor/duplicate) and in another file (corpus/duplicate-number).
const read = (path: string) => readFileSync(fromRoot(path), 'utf8');
const files = [
  { path: 'sops/broken.sop', text: read('test/syntax/err/decisions.sop') },
  { path: 'sops/hostile, "name": 100%.sop', text: read('test/render/fixtures/hostile.sop') },
  { path: 'sops/actors.sop', text: read('test/rules/actor/duplicate/invalid/same-id-and-label.sop') },
  { path: 'sops/a.sop', text: read('test/rules/corpus/duplicate-number/invalid/same-number/a.sop') },
  { path: 'sops/b.sop', text: read('test/rules/corpus/duplicate-number/invalid/same-number/b.sop') },
];
const run = lintTexts(files);
const input = (diagnostics: Diagnostic[] = run.diagnostics, language: 'en' | 'id' = 'en'): ReportInput => ({
  diagnostics,
  fileCount: files.length,
  files: files.map((f) => f.path),
  language,
  color: false,
  sources: new Map(files.map((f) => [f.path, new SourceFile(f.path, f.text)])),
  rules: ALL_RULES,
  toolVersion: '0.1.0',
  timestamp: '2026-01-02T03:04:05',
  hostname: 'ci-runner',
});
const withRelated = run.diagnostics.filter((d) => d.related?.length);
const golden = (name: string) => fromRoot('test/format/golden', name);

describe('the run used by these tests', () => {
  it('has related locations in the same file and in another file', () => {
    expect(withRelated.some((d) => d.related!.some((r) => r.file === d.file))).toBe(true);
    expect(withRelated.some((d) => d.related!.some((r) => r.file !== d.file))).toBe(true);
    expect(new Set(run.diagnostics.map((d) => d.severity))).toEqual(new Set(['error', 'warning', 'info']));
  });
});

describe('gitlab (Code Quality)', () => {
  // Written from GitLab's documentation of the format: see the $comment in the schema file.
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(read('test/format/gitlab-codequality.schema.json')));

  it('is one of the report formats', () => {
    expect(REPORT_FORMATS).toContain('gitlab');
  });

  it("validates against GitLab's Code Quality schema, one issue per finding", () => {
    const report = JSON.parse(gitlabFormatter(input()));
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report).toHaveLength(run.diagnostics.length);
    expect(new Set(report.map((i: { severity: string }) => i.severity))).toEqual(new Set(['major', 'minor', 'info']));
  });

  it('gives every finding its own fingerprint, the same on the next run and after lines move', () => {
    const report = JSON.parse(gitlabFormatter(input()));
    const fingerprints = report.map((i: { fingerprint: string }) => i.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(JSON.parse(gitlabFormatter(input())).map((i: { fingerprint: string }) => i.fingerprint)).toEqual(fingerprints);
    const moved = run.diagnostics.map((d) => ({ ...d, line: d.line + 3, endLine: d.endLine + 3 }));
    expect(JSON.parse(gitlabFormatter(input(moved))).map((i: { fingerprint: string }) => i.fingerprint)).toEqual(fingerprints);
  });

  it('is rejected by the schema with an unknown severity or a ./ path (negative controls)', () => {
    const report = JSON.parse(gitlabFormatter(input()));
    report[0].severity = 'error';
    expect(validate(report)).toBe(false);
    const dotted = JSON.parse(gitlabFormatter(input()));
    dotted[0].location.path = './' + dotted[0].location.path;
    expect(validate(dotted)).toBe(false);
    const lineless = JSON.parse(gitlabFormatter(input()));
    delete lineless[0].location.lines;
    expect(validate(lineless)).toBe(false);
  });
});

describe('junit (Ant JUnit XSD)', () => {
  const xsd = { fileName: 'JUnit.xsd', contents: read('test/format/JUnit.xsd') };
  const xsdErrors = async (xml: string) =>
    (await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [xsd] })).errors.map((e) => e.message);

  it('validates against the strict Ant JUnit schema', { timeout: 60_000 }, async () => {
    expect(await xsdErrors(junitFormatter(input()))).toEqual([]);
  });

  it('validates with no finding at all, and with the time and host of the machine when none is given', { timeout: 60_000 }, async () => {
    const { timestamp: _t, hostname: _h, ...bare } = input([]);
    const xml = junitFormatter(bare);
    expect(await xsdErrors(xml)).toEqual([]);
    expect(xml).toMatch(/timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"/);
    expect(junitTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05');
  });

  it('is rejected by the schema without a timestamp (negative control)', { timeout: 60_000 }, async () => {
    const xml = junitFormatter(input()).replace(/ timestamp="[^"]*"/, '');
    expect((await xsdErrors(xml)).join('\n')).toMatch(/timestamp/);
  });
});

describe('sarif links to the rule pages', () => {
  it("takes the repository's address from package.json's repository and homepage", () => {
    expect(repositoryWebUrl(pkg.repository)).toBe(REPOSITORY_URL);
    expect(REPOSITORY_URL).toBe(pkg.homepage.replace(/#.*$/, ''));
    expect(DOCS_BASE_URL).toBe(`${REPOSITORY_URL}/blob/main/`);
  });

  it('has informationUri and a helpUri per rule that names a page of docs/ that exists', () => {
    const sarif = JSON.parse(sarifFormatter(input()));
    const driver = sarif.runs[0].tool.driver;
    expect(driver.informationUri).toBe(REPOSITORY_URL);
    expect(driver.rules.length).toBeGreaterThan(30);
    for (const rule of driver.rules) {
      expect(rule.helpUri.startsWith(DOCS_BASE_URL), rule.helpUri).toBe(true);
      const file = rule.helpUri.slice(DOCS_BASE_URL.length).replace(/#.*$/, '');
      expect(existsSync(fromRoot(file)), file).toBe(true);
    }
    expect(driver.rules.find((r: { id: string }) => r.id === 'actor/duplicate').helpUri).toBe(`${DOCS_BASE_URL}docs/rules/actor/duplicate.md`);
  });
});

describe('related locations in every report', () => {
  it('stylish: a second, dimmed code frame under the finding, with its message', () => {
    const out = stylishFormatter(input(withRelated));
    expectGolden(golden('related.stylish.txt'), out);
    expect(out).toContain(' sops/actors.sop:3:3: first declared here\n 3 |   a = Kasubbid\n   |   ^');
    const colored = stylishFormatter({ ...input(withRelated), color: true });
    expect(colored).toContain('\x1b[2m sops/actors.sop:3:3: first declared here\x1b[22m');
  });

  it('stylish: escapes control characters of the related line (a file cannot drive the terminal)', () => {
    const hostile = files.find((f) => f.path === 'sops/actors.sop')!.text.replace('a = Kasubbid', 'a = Kasub\u001b[2Jbid');
    const base = input(withRelated);
    const out = stylishFormatter({ ...base, sources: new Map([...base.sources, ['sops/actors.sop', new SourceFile('sops/actors.sop', hostile)]]) });
    expect(out).not.toContain('\u001b[2J');
    expect(out).toContain(' 3 |   a = Kasub\\x1b[2Jbid');
  });

  it('github: appended to the annotation and to the plain line', () => {
    const out = githubFormatter(input(withRelated));
    expectGolden(golden('related.github.txt'), out);
    expect(out).toMatch(/^::error file=sops\/actors\.sop,line=4,.*%0Asee sops\/actors\.sop:3:3: first declared here$/m);
  });

  it('sarif: relatedLocations with their messages', () => {
    const sarif = JSON.parse(sarifFormatter(input(withRelated)));
    expectGolden(golden('related.sarif.json'), JSON.stringify(sarif.runs[0].results, null, 2) + '\n');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'corpus/duplicate-number');
    expect(result.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('sops/a.sop');
    expect(result.relatedLocations[0].message.text).not.toBe('');
  });

  it('json: a related array of file, line, column and message, valid against the report schema', () => {
    const report = JSON.parse(jsonFormatter(input(withRelated)));
    const validate = schemaValidator('report.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expectGolden(
      golden('related.json'),
      JSON.stringify(
        report.findings.map((f: { related: unknown; ruleId: string }) => ({ ruleId: f.ruleId, related: f.related })),
        null,
        2,
      ) + '\n',
    );
    expect(report.findings.every((f: { related?: unknown[] }) => f.related?.length)).toBe(true);
  });

  it('junit: in the failure text', () => {
    const out = junitFormatter(input(withRelated));
    expectGolden(golden('related.junit.xml'), out);
    expect(out).toMatch(/<failure [^>]*>sops\/actors\.sop:4:3: error [^<]*\n  sops\/actors\.sop:3:3: first declared here<\/failure>/);
  });

  it('gitlab: in the description', () => {
    const out = gitlabFormatter(input(withRelated));
    expectGolden(golden('related.gitlab.json'), out);
    expect(JSON.parse(out)[0].description).toMatch(/\(see sops\/.*\.sop:\d+:\d+: /);
  });

  it('in Indonesian with the Indonesian report', () => {
    expect(githubFormatter(input(withRelated, 'id'))).toContain('%0Alihat sops/actors.sop:3:3: pertama dideklarasikan di sini');
  });
});
