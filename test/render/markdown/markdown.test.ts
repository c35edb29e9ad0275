import { gfmTable } from 'micromark-extension-gfm-table';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { lint } from 'markdownlint/sync';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/emit/markdown/index.js';
import { SYMBOL_MARK } from '../../../src/emit/markdown/tables.js';
import { parseSop } from '../../../src/ast/parse.js';
import { expectGolden } from '../../helpers/golden.js';
import { mermaidParse } from '../../helpers/mermaid.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';

const fixtures = filesIn(fromRoot('test/render/fixtures'), '.sop');
const corpus = filesIn(fromRoot('sops'), '.sop');
const all = [...fixtures, ...corpus];
const parsed = (file: string) => parseSop(readFileSync(file, 'utf8'), basename(file)).document;

/** markdownlint's defaults, minus rules that do not fit generated tables: line length (MD013) and inline HTML (MD033, the <br> in cells). */
const LINT_CONFIG = { default: true, MD013: false, MD033: false };

function lintErrors(text: string): string[] {
  const results = lint({ strings: { doc: text }, config: LINT_CONFIG });
  return results.doc.map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''}`);
}

type Node = { type: string; children?: Node[]; value?: string };
const tables = (tree: Node): Node[] => (tree.type === 'table' ? [tree] : (tree.children ?? []).flatMap(tables));
const textOf = (node: Node): string =>
  node.type === 'text' || node.type === 'inlineCode'
    ? (node.value ?? '')
    : node.type === 'html'
      ? (node.value ?? '')
      : (node.children ?? []).map(textOf).join('');
const mdast = (text: string) => fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as unknown as Node;

describe('markdown output', () => {
  it.each(all.map((f) => [basename(f), f]))('%s passes markdownlint', (_, file) => {
    expect(lintErrors(renderMarkdown(parsed(file)))).toEqual([]);
  });

  it.each(all.map((f) => [basename(f), f]))('%s has tables whose every row has as many cells as the header', (_, file) => {
    const document = parsed(file);
    const found = tables(mdast(renderMarkdown(document)));
    const hasIdentity = !document.identity.missing && Object.keys(document.identity).some((k) => k !== 'missing');
    const expectedTables = (hasIdentity ? 1 : 0) + document.procedures.filter((p) => p.steps.length + p.missing.length > 0).length;
    expect(found.length).toBe(expectedTables);
    for (const table of found) {
      const rows = table.children!;
      const width = rows[0].children!.length;
      for (const r of rows) expect(r.children!.length).toBe(width);
    }
  });

  it.each(all.map((f) => [basename(f), f]))('%s embeds a mermaid block that mermaid accepts', async (_, file) => {
    const text = renderMarkdown(parsed(file));
    const block = /```mermaid\n([\s\S]*?)```/.exec(text);
    expect(block).not.toBeNull();
    await expect(mermaidParse(block![1])).resolves.toBeUndefined();
  });

  it('keeps hostile text literal in the parsed cells', () => {
    const document = parsed(fromRoot('test/render/fixtures/hostile.sop'));
    const [identity, procedure] = tables(mdast(renderMarkdown(document)));
    const identityCells = identity.children!.map((r) => r.children!.map(textOf));
    expect(identityCells).toContainEqual(['Unit Kerja', 'Unit | pipa # pagar [kurung] {kurawal} `backtick` *bintang* _garis_']);
    expect(identityCells).toContainEqual(['Judul SOP', document.identity.judul!.text!.text]);
    const firstStep = procedure.children![1].children!.map(textOf);
    expect(firstStep[1]).toBe(document.procedures[0].steps[0].kegiatan.text);
    expect(firstStep[5]).toBe('A | B, C <D> dan "E"');
  });

  it('marks the acting actor columns with the step symbol', () => {
    const procedure = tables(mdast(renderMarkdown(parsed(fromRoot('test/render/fixtures/decisions.sop'))))).at(-1)!;
    const rows = procedure.children!.slice(1).map((r) => r.children!.map(textOf));
    expect(rows[0].slice(0, 4)).toEqual(['1', 'Mulai', '◯', '']);
    expect(rows[2][3]).toBe('◇');
  });

  it('uses symbol marks that common fonts have: the Geometric Shapes block, all in DejaVu Sans', async () => {
    const fontkit = await import('fontkit');
    const font = fontkit.openSync(fromRoot('fonts/DejaVuSans.ttf'));
    for (const mark of Object.values(SYMBOL_MARK)) {
      const cp = mark.codePointAt(0)!;
      expect(cp >= 0x25a0 && cp <= 0x25ff, `${mark} U+${cp.toString(16)}`).toBe(true);
      expect(font.hasGlyphForCodePoint(cp), mark).toBe(true);
    }
    // The old terminator mark, outside the block: the check really looks.
    expect('⬭'.codePointAt(0)! > 0x25ff).toBe(true);
  });

  it('titles an SOP without identity sheet by its procedure, not by its file path', () => {
    const text = ['Identitas: (hilang)', '', 'Prosedur: Layanan Kartu Anggota', 'Pelaksana:', '  staf = Staf', '', '1. [staf] Menerima formulir', ''].join(
      '\n',
    );
    const markdown = renderMarkdown(parseSop(text, 'perpustakaan/kta.sop').document);
    expect(markdown.split('\n')[0]).toBe('# Layanan Kartu Anggota');
    const bare = renderMarkdown(parseSop('Identitas: (hilang)\n', 'perpustakaan/kta.sop').document);
    expect(bare.split('\n')[0]).toBe('# kta');
  });

  it('is rejected by the checks when broken (negative controls)', () => {
    expect(lintErrors('# A\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n').join()).toMatch(/MD056/);
    // An unescaped pipe in a cell adds a cell: the cell-count check would see it.
    const [broken] = tables(mdast('| a | b |\n| --- | --- |\n| x | y | z |\n'));
    expect(broken.children![1].children!.length).toBe(3);
    const [escaped] = tables(mdast('| a | b |\n| --- | --- |\n| x \\| y | z |\n'));
    expect(escaped.children![1].children!.length).toBe(2);
  });

  it.each(fixtures.map((f) => [basename(f), f]))('%s matches its golden output', (name, file) => {
    expectGolden(fromRoot('test/render/markdown/golden', String(name).replace(/\.sop$/, '.md')), renderMarkdown(parsed(file)));
  });
});
