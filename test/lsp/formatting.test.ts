/** textDocument/formatting over stdio: the edits of `soplint fmt`, refused on syntax errors. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { formatSop } from '../../src/fmt/format.js';
import { formatDocument, hunksAsReplacements } from '../../src/lsp/formatting.js';
import { expectGolden } from '../helpers/golden.js';
import { fromRoot } from '../helpers/paths.js';
import { copyOfBook, LspClient } from './client.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

type Position = { line: number; character: number };
type TextEdit = { range: { start: Position; end: Position }; newText: string };

/** Apply LSP text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, lineStarts[p.line] + p.character);
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const messy = readFileSync(fromRoot('test/fmt/golden/messy.sop'), 'utf8');
const formatted = readFileSync(fromRoot('test/fmt/golden/messy.formatted.sop'), 'utf8');
const book = copyOfBook();
const client = new LspClient();
const uri = book.uri('sops/messy.sop');
const OPTIONS = { tabSize: 2, insertSpaces: true };

beforeAll(async () => {
  writeFileSync(join(book.root, 'sops/messy.sop'), messy);
  const init = await client.initialize(book.root, { lang: 'en', debounceMs: 20 });
  expect(init.capabilities).toMatchObject({ documentFormattingProvider: true });
  await client.open(uri, messy);
});

afterAll(async () => {
  await client.stop();
  book.dispose();
});

describe('soplint lsp formats a document as soplint fmt does', () => {
  it("answers with small edits that give fmt's canonical layout", async () => {
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
    expect(edits.length).toBeGreaterThan(1);
    expect(applyEdits(messy, edits)).toBe(formatted);
    // Edits, not one replacement of the whole text: lines already in place stay untouched.
    expect(edits.every((e) => e.range.end.line - e.range.start.line < messy.split('\n').length - 1)).toBe(true);
    // The ranges replaced and the lines written there (the text itself is fmt's golden, messy.formatted.sop).
    const at = (p: Position) => `${p.line + 1}:${p.character + 1}`;
    const summary = edits.map((e) => `${at(e.range.start)}-${at(e.range.end)} -> ${e.newText.split('\n').length - 1} lines\n`).join('');
    expectGolden(fromRoot('test/lsp/fixtures/formatting.edits'), summary);
  });

  it('answers with no edits for a document already in the canonical layout', async () => {
    await client.change(uri, 2, formatted);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
    expect(edits).toEqual([]);
  });

  it('refuses (no edits) a document with syntax errors, and says why in the log', async () => {
    const broken = messy.replace('Peringatan:', 'Peringatan\n???:: [[');
    expect(parseSop(broken).diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(formatSop(broken)).not.toBe(broken);
    await client.change(uri, 3, broken);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
    expect(edits).toEqual([]);
    expect(client.log.some((m) => m.includes('not formatted: fix the syntax errors first'))).toBe(true);
  });
});

describe('with fmt.width in .soplintrc.yaml', () => {
  it('wraps at the configured width, as soplint fmt does', async () => {
    const narrow = copyOfBook('preset: recommended\nfmt:\n  width: 60\n');
    const other = new LspClient();
    try {
      writeFileSync(join(narrow.root, 'sops/messy.sop'), messy);
      await other.initialize(narrow.root, { debounceMs: 20 });
      const narrowUri = narrow.uri('sops/messy.sop');
      await other.open(narrowUri, messy);
      const edits = await other.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: narrowUri }, options: OPTIONS });
      const result = applyEdits(messy, edits);
      expect(result).toBe(formatSop(messy, { width: 60 }));
      expect(result).not.toBe(formatted);
    } finally {
      await other.stop();
      narrow.dispose();
    }
  });
});

describe('the edits, in process', () => {
  const variants: [string, string][] = [
    ['with line feeds', messy],
    ['without a line break at the end', messy.trimEnd()],
    ['with CR LF', messy.replaceAll('\n', '\r\n')],
    ['a book SOP', readFileSync(fromRoot('sops/sop-309.sop'), 'utf8').replaceAll('\n  ', '\n   ')],
  ];
  for (const [name, text] of variants) {
    it(`turn the text into fmt's output: ${name}`, () => {
      const answer = formatDocument(text, parseSop(text));
      if ('refused' in answer) throw new Error(`refused: ${answer.refused}`);
      const result = hunksAsReplacements(text, answer.edits, answer.eol)
        .sort((a, b) => b.start - a.start)
        .reduce((t, r) => t.slice(0, r.start) + r.newText + t.slice(r.end), text);
      expect(result).toBe(formatSop(text));
    });
  }
});
