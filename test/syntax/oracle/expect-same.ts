/** The assertion of the front-end equivalence tests: the front end reads a text as the CST oracle does. */
import { expect } from 'vitest';
import { parseSop } from '../../../src/ast/parse.js';
import { parseSop as parseSopWithCst } from './parse.js';

export function expectSameFrontEnd(text: string): void {
  const now = parseSop(text, 'same.sop');
  const before = parseSopWithCst(text, 'same.sop');
  expect(now.document).toEqual(before.document);
  expect(now.diagnostics).toEqual(before.diagnostics);
}
