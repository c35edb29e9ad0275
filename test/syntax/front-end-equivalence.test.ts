/**
 * The embedded-action front end (src/syntax/parser.ts: a fast pass without recovery, a recovering pass
 * only on error) against a snapshot of the CST front end it replaced (test/syntax/oracle/): the same
 * AST, spans included, and the same syntax findings, on every .sop in the tree, on generated SOP-shaped
 * files, on mutations of the book's files and on random text.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { mutate, mutation, randomText, sopText } from './mutations.js';
import { parseSop as parseSopWithCst } from './oracle/parse.js';

vi.setConfig({ testTimeout: 300_000 });

function expectSameFrontEnd(text: string): void {
  const now = parseSop(text, 'same.sop');
  const before = parseSopWithCst(text, 'same.sop');
  expect(now.document).toEqual(before.document);
  expect(now.diagnostics).toEqual(before.diagnostics);
}

function sopsUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sopsUnder(join(folder, entry.name)) : entry.name.endsWith('.sop') ? [join(folder, entry.name)] : [],
  );
}

const everySop = [...sopsUnder(fromRoot('test')), ...sopsUnder(fromRoot('sops'))];
const book = filesIn(fromRoot('sops'), '.sop').map((f) => readFileSync(f, 'utf8'));

describe('the front end reads as the CST front end did', () => {
  it('every .sop file in the tree', () => {
    expect(everySop.length).toBeGreaterThan(200);
    for (const file of everySop) expectSameFrontEnd(readFileSync(file, 'utf8'));
  });

  it('generated SOP-shaped files, well and badly formed', () => {
    fc.assert(
      fc.property(sopText, (text) => expectSameFrontEnd(text)),
      { numRuns: 1500 },
    );
  });

  it("mutations of the book's files", () => {
    fc.assert(
      fc.property(fc.nat({ max: book.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        expectSameFrontEnd(mutations.reduce(mutate, book[index]));
      }),
      { numRuns: 400 },
    );
  });

  it('random text', () => {
    fc.assert(
      fc.property(randomText, (text) => expectSameFrontEnd(text)),
      { numRuns: 400 },
    );
  });
});
