import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/emit/json.js';
import { parseSop } from '../../src/ast/parse.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';
import { corrections, normalizeSpace, seedSteps, seedText } from '../helpers/seed.js';

const corpusFiles = filesIn(fromRoot('sops'), '.sop');
const parsed = corpusFiles.map((file) => ({ file, ...parseSop(readFileSync(file, 'utf8'), `sops/${basename(file)}`) }));

const key = (number: number | null, text: string) => `${number ?? '?'}|${normalizeSpace(text)}`;

function counts(keys: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  return map;
}

describe('the seed copy and its corrections', () => {
  it('finds the step rows of the source', () => {
    const steps = seedSteps();
    // 21 procedure tables; sanity bounds rather than a number copied from the output.
    expect(steps.length).toBeGreaterThan(200);
    expect(steps.some((s) => s.number === null && s.kegiatan.startsWith('Melaksanakan kegiatan rapat dan pembinaan'))).toBe(true);
    expect(steps.every((s) => !/^(Nomor SOP|Judul SOP|Kasubbag)/.test(s.kegiatan))).toBe(true);
  });

  it('every correction applies to the line it names', () => {
    const lines = seedText().split(/\r?\n/);
    for (const c of corrections()) {
      expect(lines[c.line - 1], `line ${c.line}`).toContain(c.ocr);
      expect(c.corrected).not.toBe(c.ocr);
    }
  });
});

describe('the corpus reproduces every step of the source, and only those', () => {
  const byLine = new Map<number, { ocr: string; corrected: string }[]>();
  for (const c of corrections()) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  const expected = seedSteps().map((s) => {
    let text = s.kegiatan;
    for (const c of byLine.get(s.line) ?? []) text = text.split(c.ocr).join(c.corrected);
    return { ...s, key: key(s.number, text) };
  });
  const actual = parsed.flatMap(({ file, document }) =>
    document.procedures.flatMap((p) => p.steps.map((s) => ({ file, key: key(s.number, s.kegiatan.text) }))),
  );

  it('has every source step (number and Kegiatan, after the recorded corrections)', () => {
    const have = counts(actual.map((a) => a.key));
    const missing = expected.filter((e) => {
      const n = have.get(e.key) ?? 0;
      if (n === 0) return true;
      have.set(e.key, n - 1);
      return false;
    });
    expect(missing.map((m) => `seed line ${m.line}: ${m.key}`)).toEqual([]);
  });

  it('has no step that the source lacks', () => {
    const want = counts(expected.map((e) => e.key));
    const extra = actual.filter((a) => {
      const n = want.get(a.key) ?? 0;
      if (n === 0) return true;
      want.set(a.key, n - 1);
      return false;
    });
    expect(extra.map((x) => `${basename(x.file)}: ${x.key}`)).toEqual([]);
  });
});

describe('every corpus file', () => {
  it('covers every SOP number of the source', () => {
    const numbers = parsed.map((p) => /SOP-(\d+)/.exec(p.document.identity.nomor?.text?.text ?? '')?.[1]).filter(Boolean);
    expect(numbers.sort()).toEqual([
      '307',
      '308',
      '309',
      '401',
      '402',
      '403',
      '405',
      '406',
      '407',
      '408',
      '409',
      '410',
      '411',
      '501',
      '502',
      '503',
      '504',
      '505',
      '506',
    ]);
  });

  it.each(parsed.map((p) => [basename(p.file), p]))('%s parses with no syntax error and its JSON validates', (_, p) => {
    expect(p.diagnostics.map((d) => `${d.line}:${d.column} ${d.message.en}`)).toEqual([]);
    const validate = schemaValidator('sop.schema.json');
    expect(validate(JSON.parse(renderJson(p.document, p.source))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it.each(parsed.map((p) => [basename(p.file), p]))('%s records its judgments in comments', (_, p) => {
    expect(p.document.comments.length).toBeGreaterThan(0);
  });
});
