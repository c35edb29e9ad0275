import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { renderJson } from '../../src/emit/json.js';
import { parseSop } from '../../src/ast/parse.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';

// Property runs of the parser over generated and mutated SOPs.
vi.setConfig({ testTimeout: 120_000 });

const seeds = [...filesIn(fromRoot('test/syntax/ok'), '.sop'), ...filesIn(fromRoot('test/syntax/err'), '.sop'), ...filesIn(fromRoot('sops'), '.sop')].map((f) =>
  readFileSync(f, 'utf8'),
);

/** Pieces that matter to the lexer and parser, to make random text interesting. */
const tricky = fc.constantFrom(
  '\n',
  '\r\n',
  '\r',
  '\t',
  '  ',
  '\uFEFF',
  '#',
  '# soplint-disable-next-line x -- y\n',
  '->',
  '→',
  ',',
  ':',
  '[',
  ']',
  '[a]',
  '1.',
  '?.',
  '12.',
  '- ',
  '=',
  'a = A\n',
  'Keputusan:',
  'Kelengkapan:',
  'Waktu: 1 jam',
  'Prosedur:',
  'Pelaksana:\n',
  'Hilang: 1-?',
  'Identitas: (hilang)',
  '(kosong)',
  'Judul SOP:',
  'Ya -> ',
  'SOP ',
  '\u0000',
  '😀',
);

const randomText = fc.array(fc.oneof(fc.string(), tricky), { maxLength: 60 }).map((parts) => parts.join(''));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(tricky, fc.string()) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = text.length ? m.at % text.length : 0;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicateLine': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
  }
}

function assertWellBehaved(text: string): void {
  const { document, source, diagnostics } = parseSop(text, 'fuzz.sop');
  for (const d of diagnostics) {
    expect(d.offset).toBeGreaterThanOrEqual(0);
    expect(d.endOffset).toBeLessThanOrEqual(text.length);
    expect(d.offset).toBeLessThanOrEqual(d.endOffset);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(source.lineCount);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual(source.lineText(d.line).length + 1);
    expect(d.message.en.length).toBeGreaterThan(0);
  }
  const validate = schemaValidator('sop.schema.json');
  const json = JSON.parse(renderJson(document, source));
  if (!validate(json)) throw new Error(JSON.stringify(validate.errors?.slice(0, 3)));
}

describe('the parser never throws and locates every finding inside the file', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(randomText, (text) => assertWellBehaved(text)),
      { numRuns: 300 },
    );
  });

  it('on random mutations of valid files', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        assertWellBehaved(mutations.reduce(mutate, seeds[index]));
      }),
      { numRuns: 300 },
    );
  });
});
