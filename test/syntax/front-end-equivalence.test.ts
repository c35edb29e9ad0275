/**
 * The embedded-action front end (src/syntax/parser.ts: a fast pass without recovery, a recovering pass
 * only on error) against a snapshot of the CST front end it replaced (test/syntax/oracle/): the same
 * AST, spans included, and the same syntax findings, on every .sop in the tree. The property runs (generated
 * SOP-shaped files, mutations of the book's files, random text) are in front-end-equivalence.slow.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fromRoot } from '../helpers/paths.js';
import { expectSameFrontEnd } from './oracle/expect-same.js';

vi.setConfig({ testTimeout: 120_000 });

function sopsUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sopsUnder(join(folder, entry.name)) : entry.name.endsWith('.sop') ? [join(folder, entry.name)] : [],
  );
}

const everySop = [...sopsUnder(fromRoot('test')), ...sopsUnder(fromRoot('sops'))];

describe('the front end reads as the CST front end did', () => {
  it('every .sop file in the tree', () => {
    expect(everySop.length).toBeGreaterThan(200);
    for (const file of everySop) expectSameFrontEnd(readFileSync(file, 'utf8'));
  });
});
