/**
 * Each input shape that once took super-linear time (issue 19: a regular expression that
 * backtracked, or a loop that rescanned the rest of the text) is checked and rendered at 100 KB. No
 * time is asserted (the machine may be slow); a regression shows as a test that runs out of its
 * generous timeout, and bench/scaling.mjs measures how the time grows.
 */
import { describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { loadEmitter } from '../../src/emit/registry.js';
import { lintTexts } from '../../src/lint.js';
import { enumerationSeparators, readDirective, splitAlternatives, trailingConjunction, trailingParenthesis } from '../../src/util/text-scan.js';
import fc from 'fast-check';
import { SHAPES } from './shapes.js';

const SIZE = 100_000;

describe('pathological shapes at 100 KB', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`checks ${name}`, () => {
      const text = make(SIZE);
      expect(text.length).toBeGreaterThanOrEqual(SIZE);
      const result = lintTexts([{ path: 'x.sop', text }]);
      expect(result.diagnostics.filter((d) => d.ruleId.startsWith('internal/'))).toEqual([]);
    }, 60_000);
  }

  it('renders a Judul SOP of 50,000 characters in every text format', async () => {
    const { document, source } = parseSop(SHAPES['a long Judul SOP'](50_000), 'x.sop');
    for (const format of ['html', 'md', 'mermaid', 'dot', 'bpmn', 'json']) {
      const out = await (await loadEmitter(format)).render({ document, source });
      expect(out.length, format).toBeGreaterThan(0);
    }
  }, 120_000);
});

/** The hand scans give what the regular expressions they replace gave, on short texts of the risky letters. */
describe('hand scans agree with the expressions they replace', () => {
  const letters = fc.constantFrom(
    ' ',
    '\t',
    ',',
    ';',
    '.',
    '/',
    '-',
    '--',
    'dan',
    'DAN',
    'serta',
    'a',
    'x',
    'SOP',
    'soplint-disable',
    'soplint-disable-next-line',
    '\u00a0',
  );
  const texts = fc.array(letters, { maxLength: 14 }).map((parts) => parts.join(''));

  it('enumeration separators', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const expected = [...text.matchAll(/\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+/gi)].map((m) => [m.index!, m.index! + m[0].length]);
        expect(enumerationSeparators(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('a trailing conjunction', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(trailingConjunction(text)).toBe(text.search(/\s+(?:dan|serta)\s*$/i));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('Waktu alternatives and a trailing qualifier', () => {
    const waktu = fc.array(fc.constantFrom(' ', '\t', '/', 'atau', 'ATAU', '(', ')', '1', 'jam', 'x'), { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(waktu, (text) => {
        expect(splitAlternatives(text)).toEqual(text.split(/\s+\/\s*|\s*\/\s+|\s+atau\s+/i));
        const match = /\s*\(([^()]*)\)\s*$/.exec(text);
        expect(trailingParenthesis(text)).toEqual(match ? { index: match.index, inner: match[1] } : null);
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('suppression directives', () => {
    const directives = fc
      .tuple(fc.constantFrom('soplint-disable', 'soplint-disable-next-line', 'soplint-disablex'), texts)
      .map(([keyword, rest]) => `${keyword}${rest}`.trim());
    fc.assert(
      fc.property(directives, (text) => {
        const match = /^(soplint-disable-next-line|soplint-disable)(?:\s+(.*?))?(?:\s+--\s*(.*))?$/.exec(text);
        const read = readDirective(text);
        expect(read ? [read[1], read[2], read[3]?.trim() || null] : null).toEqual(match ? [match[1], match[2], match[3]?.trim() || null] : null);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});
