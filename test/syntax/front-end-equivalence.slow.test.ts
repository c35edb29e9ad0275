/**
 * Property runs of the embedded-action front end against the CST front end it replaced (the oracle in
 * test/syntax/oracle/): the same AST, spans included, and the same syntax findings on generated
 * SOP-shaped files (well and badly formed: every error path of the recovering second pass), on
 * mutations of the book's files and on random text.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, it, vi } from 'vitest';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { expectSameFrontEnd } from './oracle/expect-same.js';
import { mutate, mutation, randomText, sopText } from './mutations.js';

vi.setConfig({ testTimeout: 300_000 });

const book = filesIn(fromRoot('sops'), '.sop').map((f) => readFileSync(f, 'utf8'));

describe('the front end reads as the CST front end did', () => {
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
