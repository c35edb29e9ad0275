import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { renderJson } from '../../src/emit/json.js';
import { parseSop } from '../../src/ast/parse.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';
import { mutate, mutation, randomText } from './mutations.js';

// Property runs of the parser over generated and mutated SOPs.
vi.setConfig({ testTimeout: 120_000 });

const seeds = [...filesIn(fromRoot('test/syntax/ok'), '.sop'), ...filesIn(fromRoot('test/syntax/err'), '.sop'), ...filesIn(fromRoot('sops'), '.sop')].map((f) =>
  readFileSync(f, 'utf8'),
);

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
