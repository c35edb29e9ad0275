/**
 * The one XML escaper (src/util/xml-text.ts) under every class of code point: C0/C1 controls, lone
 * surrogates, noncharacters, astral characters and markup characters, through each XML output
 * (JUnit report, BPMN, the form's SVG and HTML) and read back by libxml2 (xmllint).
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, formatReport, parseSop, render } from '../../src/index.js';
import { escapeXml, xmlSafe } from '../../src/util/xml-text.js';
import { xmlErrors, XMLLINT } from '../render/form/xml-check.js';

const codeUnits = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  codeUnits(0x00, 0x1f), // C0 controls (tab, LF and CR among them)
  codeUnits(0x7f, 0x9f), // DEL and C1 controls
  codeUnits(0xd800, 0xdfff), // lone surrogate halves
  fc.constantFrom('\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF'), // noncharacters
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)), // astral
  fc.constantFrom('&', '<', '>', '"', "'", ']]>', '&amp;'),
  fc.string({ maxLength: 3 }),
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));
/** On one line: the .sop text keeps it in one field. */
const oneLine = hostile.map((s) => s.replace(/[\r\n]/g, ' '));

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const sop = (text: string) => `Nomor SOP: SOP-1/X
Judul SOP: ${text}

Prosedur: Prosedur ${text}
Pelaksana:
  staf = Staf ${text}
  1. [staf] Menerima ${text}.
     Output: Surat ${text}
  2. [staf] Mengarsipkan surat.
`;

async function wellFormed(xml: string): Promise<void> {
  expect(FORBIDDEN.test(xml)).toBe(false);
  expect(await xmlErrors(xml)).toEqual([]);
}

describe('the XML escaper', () => {
  it('leaves nothing XML forbids and escapes markup', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeXml(text);
        expect(FORBIDDEN.test(escaped)).toBe(false);
        expect(escaped).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
        // Text XML allows comes through unchanged, once unescaped.
        const back = escaped.replace(/&(lt|gt|quot|#39|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e as string]!);
        expect(back).toBe(xmlSafe(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps JUnit reports well-formed', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const d = {
          ruleId: 'x/y',
          severity: 'error' as const,
          message: { id: text, en: text },
          hint: { id: text, en: text },
          file: `a${text}.sop`,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          offset: 0,
          endOffset: 1,
        };
        const xml = await formatReport('junit', {
          diagnostics: [d],
          fileCount: 1,
          files: [d.file],
          language: 'en',
          color: false,
          sources: new Map(),
          rules: ALL_RULES,
          toolVersion: text,
          timestamp: '2026-01-01T00:00:00',
          hostname: text,
        });
        await wellFormed(xml);
      }),
      { numRuns: 40 },
    );
  });

  for (const format of ['bpmn', 'svg'] as const) {
    it(`keeps ${format} renderings well-formed`, { timeout: 300_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(oneLine, async (text) => {
          await wellFormed(String(await render(format, parseSop(sop(text), 'x.sop'))));
        }),
        { numRuns: 25 },
      );
    });
  }

  it('keeps HTML renderings free of forbidden characters and readable by libxml2', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(oneLine, async (text) => {
        const html = String(await render('html', parseSop(sop(text), 'x.sop')));
        expect(FORBIDDEN.test(html)).toBe(false);
        const result = spawnSync(XMLLINT, ['--html', '--noout', '--nonet', '-'], { input: html, encoding: 'utf8' });
        expect(result.stderr).not.toMatch(/invalid char|Char 0x|not allowed|unterminated/i);
      }),
      { numRuns: 25 },
    );
  });
});
