/**
 * The laid-out form, checked as geometry: pages of 5-8 steps, connector pairs at page breaks,
 * orthogonal arrows that never cross a symbol, decision labels, linked multi-actor symbols, text that
 * fits its cell, and every .sop string escaped.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/emit/form/layout/document.js';
import { LOST_TABLE_ROLE, MISSING_TABLE } from '../../../src/emit/form/layout/notice.js';
import { paginate } from '../../../src/emit/form/layout/paginate.js';
import type { MeasuredRow } from '../../../src/emit/form/layout/rows.js';
import { CELL_PADDING_X } from '../../../src/emit/form/layout/style.js';
import type { PageLayout, PlacedSymbol, Point } from '../../../src/emit/form/layout/types.js';
import { renderHtml } from '../../../src/emit/form/html-emitter.js';
import { renderSvg } from '../../../src/emit/form/svg-emitter.js';
import { textWidth } from '../../../src/emit/form/text/metrics.js';
import { wrapText } from '../../../src/emit/form/text/wrap.js';
import { parseSop } from '../../../src/ast/parse.js';
import { fromRoot } from '../../helpers/paths.js';
import { documentProblems, parseSheets } from './geometry.js';
import { CORPUS, FIXTURES, rendered } from './render-helpers.js';

const fixture = (name: string) => rendered(fromRoot('test/render/fixtures', `${name}.sop`));
const pagesOf = (name: string) => layoutDocument(fixture(name).input.document);
const ALL = [...FIXTURES, ...CORPUS].map((f) => [rendered(f).file, layoutDocument(rendered(f).input.document)] as const);

function segments(points: Point[]): Array<[Point, Point]> {
  return points.slice(1).map((p, i) => [points[i], p]);
}

/** Whether a horizontal or vertical segment passes through the inside of a symbol. */
function crosses([a, b]: [Point, Point], s: PlacedSymbol): boolean {
  const [x1, x2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y1, y2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return x2 > s.x + 0.5 && x1 < s.x + s.width - 0.5 && y2 > s.y + 0.5 && y1 < s.y + s.height - 0.5;
}

describe('pagination', () => {
  const row = (height = 60): MeasuredRow => ({ kind: 'step', lines: {}, height });
  const sizes = (pages: MeasuredRow[][]) => pages.map((p) => p.length);

  it('puts 5-8 steps on a page, spread evenly', () => {
    expect(
      sizes(
        paginate(
          Array.from({ length: 8 }, () => row()),
          600,
        ),
      ),
    ).toEqual([8]);
    expect(
      sizes(
        paginate(
          Array.from({ length: 13 }, () => row()),
          600,
        ),
      ),
    ).toEqual([7, 6]);
    expect(
      sizes(
        paginate(
          Array.from({ length: 16 }, () => row()),
          600,
        ),
      ),
    ).toEqual([8, 8]);
    expect(
      sizes(
        paginate(
          Array.from({ length: 17 }, () => row()),
          600,
        ),
      ),
    ).toEqual([6, 6, 5]);
  });

  it('uses more pages when tall steps do not fit', () => {
    expect(
      sizes(
        paginate(
          Array.from({ length: 8 }, () => row(140)),
          600,
        ),
      ),
    ).toEqual([4, 4]);
  });

  it('splits the 13-step fixture over two A4 pages with one connector pair', () => {
    const pages = pagesOf('long-table');
    expect(pages.map((p) => p.steps.length)).toEqual([7, 6]);
    expect(pages[0].connectors).toMatchObject([{ letter: 'A', role: 'out' }]);
    expect(pages[1].connectors).toMatchObject([{ letter: 'A', role: 'in' }]);
    expect(pages[0].sheetCount).toBe(2);
  });
});

describe.each(ALL)('%s', (_file, pages) => {
  it('has pages of at most 8 steps that fit A4 landscape when printed', () => {
    for (const page of pages) expect(page.steps.length).toBeLessThanOrEqual(8);
  });

  it('draws every symbol inside its actor column, and every cell text inside its cell', () => {
    for (const page of pages) {
      for (const s of page.symbols) {
        const area = page.actorAreas.find((a) => a.actorId === s.actorId)!;
        expect(s.x).toBeGreaterThanOrEqual(area.x);
        expect(s.x + s.width).toBeLessThanOrEqual(area.x + area.width);
        expect(s.y).toBeGreaterThanOrEqual(area.y);
        expect(s.y + s.height).toBeLessThanOrEqual(area.y + area.height);
      }
      for (const cell of [...page.cells, ...page.headerCells]) {
        for (const line of cell.text?.lines ?? []) {
          expect(textWidth(line, cell.text!.fontSize, cell.text!.bold)).toBeLessThanOrEqual(cell.width - 2 * CELL_PADDING_X);
        }
      }
    }
  });

  it('routes arrows orthogonally, around every symbol they do not join', () => {
    for (const page of pages) {
      for (const route of page.routes) {
        for (const [a, b] of segments(route.points)) expect(Math.abs(a[0] - b[0]) < 0.01 || Math.abs(a[1] - b[1]) < 0.01).toBe(true);
        const others = page.symbols.filter((s) => s.stepIndex !== route.from && s.stepIndex !== route.to);
        for (const segment of segments(route.points))
          for (const s of others) expect(crosses(segment, s), `route ${route.from}→${route.to} crosses step ${s.stepLabel}`).toBe(false);
      }
    }
  });

  it('gives every page break an off-page connector pair (letters restart in each procedure)', () => {
    const letters = pages.flatMap((p) => p.connectors.map((c) => `${p.procedureIndex}/${c.letter}:${c.role}`));
    const byLetter = new Map<string, string[]>();
    for (const entry of letters) {
      const [letter, role] = entry.split(':');
      byLetter.set(letter, [...(byLetter.get(letter) ?? []), role]);
    }
    for (const roles of byLetter.values()) expect(roles.sort()).toEqual(['in', 'out']);
  });
});

describe('flowchart details', () => {
  it('labels decision exits, including custom and three-way ones', () => {
    const labels = pagesOf('decisions').flatMap((p) => p.routes.map((r) => r.label?.text).filter(Boolean));
    expect(labels.sort()).toEqual(['Lengkap', 'Perbaiki', 'Setuju', 'Tidak', 'Tidak lengkap', 'Tolak', 'Ya']);
  });

  it('routes return edges up along a lane beside the symbols', () => {
    const page = pagesOf('decisions')[0];
    const back = page.routes.find((r) => r.kind === 'return' && r.from === 1 && r.to === 0)!;
    expect(back.label?.text).toBe('Tidak');
    const [start, , up, end] = back.points;
    expect(up[1]).toBeLessThan(start[1]);
    const target = page.symbols.find((s) => s.stepIndex === 0)!;
    expect(end[1]).toBeCloseTo(target.cy);
    expect(up[0] > target.x + target.width || up[0] < target.x).toBe(true);
  });

  it('draws a multi-actor step in each actor column, linked', () => {
    const page = pagesOf('long-table')[1];
    const copies = page.symbols.filter((s) => s.stepLabel === '9');
    expect(copies.map((s) => s.actorId)).toEqual(['a', 'c']);
    expect(page.routes.some((r) => r.kind === 'link' && r.from === copies[0].stepIndex)).toBe(true);
  });

  it('draws the five symbols: capsule, rectangle, diamond, pentagon, arrows', () => {
    const svg = fixture('long-table').svg;
    expect(svg).toMatch(/<rect [^>]*data-symbol="terminator"[^>]* rx="12"/);
    expect(svg).toMatch(/<rect [^>]*data-symbol="process"/);
    expect(svg).toMatch(/<polygon data-symbol="decision"/);
    expect(svg).toMatch(/<g data-connector="A" data-role="out"><polygon points="[^"]+"/);
    expect(svg).toMatch(/<polygon data-arrowhead=""/);
    expect(svg).toContain('font-family="DejaVu Sans, sans-serif"');
  });

  it('prints a row for lost steps and the markers of the source', () => {
    const text = [
      'Identitas: (hilang)',
      'Prosedur: (hilang)',
      'Pelaksana:',
      '  a = A',
      '  Hilang: 1-2',
      '  3. [a] Mulai',
      '     Waktu: (kosong)',
      '     Output: (hilang)',
      '  4. [a] Selesai',
      '  Hilang: 5-?',
      '',
    ].join('\n');
    const { document } = parseSop(text, 'lost.sop');
    const [page] = layoutDocument(document);
    const notes = page.cells.filter((c) => c.role === 'note-kegiatan').map((c) => c.text!.lines.join(' '));
    expect(notes).toEqual(['Langkah 1–2 hilang dari sumber', 'Langkah 5 dan seterusnya hilang dari sumber']);
    expect(page.cells.find((c) => c.role === 'output' && c.stepIndex === 0)?.text?.lines).toEqual(['(hilang)']);
    expect(page.cells.find((c) => c.role === 'waktu' && c.stepIndex === 0)?.text).toBeNull();
    expect(page.title.lines.join(' ')).toContain('judul hilang');
    expect(renderHtml(document)).toContain('Lembar identitas SOP tidak ada dalam sumber.');
  });

  it('gives undeclared actors and steps without one a column of their own', () => {
    const { document } = parseSop(
      ['Prosedur: P', 'Pelaksana:', '  a = A', '  1. [a] Mulai', '  2. [x] Tanpa deklarasi', '  3. Tanpa pelaksana', '  4. [a] Selesai', ''].join('\n'),
      'x.sop',
    );
    const [page] = layoutDocument(document);
    expect(page.columns.filter((c) => c.kind === 'actor').map((c) => c.header)).toEqual(['A', 'x', '?']);
    expect(page.symbols.map((s) => s.actorId)).toEqual(['a', 'x', '?', 'a']);
  });

  it('draws jumps, early ends, lost targets and unreadable actors as the source says them', () => {
    const pages = pagesOf('jumps');
    const routes = pages.flatMap((page) => page.routes);
    const symbols = pages.flatMap((page) => page.symbols);
    const stepOf = (number: string) => symbols.find((s) => s.stepLabel === number)!.stepIndex;
    // 'Lanjut: 2' from step 3 (back), 'Lanjut: 9' from step 7 (ahead), 'Rusak -> 8' from step 9 (back).
    const joins = (from: string, to: string) => routes.some((r) => r.from === stepOf(from) && r.to === stepOf(to) && r.arrow);
    expect([joins('3', '2'), joins('7', '9'), joins('9', '8')]).toEqual([true, true, true]);
    expect(routes.find((r) => r.from === stepOf('3') && r.to === stepOf('2'))?.kind).toBe('return');
    // 'Ditolak -> selesai': an arrow to an end capsule; 'Ragu -> ?': a dashed arrow labelled '?'.
    const end = routes.find((r) => r.kind === 'end');
    expect([end?.from, end?.label?.text]).toEqual([stepOf('2'), 'Ditolak → selesai']);
    const unknown = routes.find((r) => r.kind === 'unknown');
    expect([unknown?.from, unknown?.label?.text, unknown?.dashed]).toEqual([stepOf('5'), 'Ragu → ?', true]);
    // 'Lanjut: selesai' makes steps 6 and 8 end terminators, with no second end drawn for them.
    expect(symbols.filter((s) => s.stepLabel === '6' || s.stepLabel === '8').map((s) => s.kind)).toEqual(['terminator', 'terminator']);
    expect(routes.filter((r) => r.kind === 'end')).toHaveLength(1);
    // [?]: a dashed symbol in the column headed '?'; [kasi, camat]: one symbol in each column.
    expect(symbols.filter((s) => s.dashed).map((s) => [s.stepLabel, s.actorId])).toEqual([['4', '?']]);
    expect(pages[0].columns.filter((c) => c.kind === 'actor').map((c) => c.header)).toEqual(['Petugas Loket', 'Kasi Pelayanan', 'Camat', '?']);
    expect(symbols.filter((s) => s.stepLabel === '5').map((s) => s.actorId)).toEqual(['kasi', 'camat']);
    const svg = renderSvg(fixture('jumps').input.document);
    expect(svg).toContain('data-end-marker="end"');
    expect(svg).toContain('data-end-marker="unknown"');
    expect(svg).toMatch(/data-actor="\?"[^>]*stroke-dasharray/);
  });

  it('hyphenates long words at Indonesian hyphenation points and never returns a line wider than asked', () => {
    const lines = wrapText('Sangatpanjangsekalisehinggatidakmuatdalamsatubaris dan kata biasa', 60, { fontSize: 10 });
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(60);
    // Every broken line ends with the hyphen it was broken at; removing them gives the text back.
    const broken = lines.filter((l) => l.endsWith('-'));
    expect(broken.length).toBeGreaterThan(2);
    expect(
      lines
        .map((l) => l.replace(/-$/, ''))
        .join('')
        .replace(/ /g, ''),
    ).toBe('Sangatpanjangsekalisehinggatidakmuatdalamsatubarisdankatabiasa');
    expect(wrapText('mendokumentasikan', 50, { fontSize: 9.5 })).toEqual(['mendoku-', 'mentasik-', 'an']);
    expect(wrapText('Perundang-undangan', 50, { fontSize: 9.5 })[0]).toBe('Perun-');
  });

  it('adds pages for many actors by widening, then scaling the sheet to A4', () => {
    const actors = Array.from({ length: 16 }, (_, i) => `  p${i} = Pelaksana nomor ${i + 1}`);
    const steps = Array.from({ length: 16 }, (_, i) => `  ${i + 1}. [p${i}] Langkah ${i + 1}`);
    const { document } = parseSop(['Prosedur: Lebar', 'Pelaksana:', ...actors, ...steps, ''].join('\n'), 'wide.sop');
    const pages: PageLayout[] = layoutDocument(document);
    expect(pages.length).toBe(2);
    expect(renderSvg(document)).toMatch(/width="277\.\d+mm"/);
  });
});

describe('escaping (hostile.sop)', () => {
  const { html, svg } = fixture('hostile');

  it.each([
    ['html', html],
    ['svg', svg],
  ])('%s carries every hostile string as text', (_format, output) => {
    expect(output).not.toMatch(/<script/i);
    expect(output).not.toMatch(/<b>|<i>|<D>|<salah>/);
    expect(output).not.toContain('<!-- komentar');
    expect(output).not.toContain(']]>');
    expect(output).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(output).toContain('Tidak &lt;salah&gt;');
    expect(output).toContain('&lt;!-- komentar --&gt;');
  });

  it('keeps the text of the identity sheet literal', () => {
    expect(html).toContain('Pemerintah &lt;b&gt;Kota&lt;/b&gt; &amp; &quot;Banjarmasin&quot;');
    expect(html).toContain('baris satu baris dua; %0A %s ${x} $1 &amp;amp; &amp;lt;');
    expect(html).toContain('Kepala &quot;Badan&quot; &#39;Utama&#39; \\ backslash');
  });
});

describe('a procedure table lost whole in the source (SOP-307: `Prosedur: (hilang)` and nothing under it)', () => {
  const text = ['Nomor SOP: SOP-307/BKBPM', 'Judul SOP: Lomba-Lomba Bidang KB', 'Dasar Hukum: Permenpan 35/2012', 'Prosedur: (hilang)', ''].join('\n');
  const { document } = parseSop(text, 'lost-table.sop');

  it('gets a sheet with its heading and, in place of the table, one framed cell saying the table is lost', () => {
    const pages = layoutDocument(document);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page.headerCells).toEqual([]);
    expect(page.cells.map((c) => [c.role, c.text?.lines.join(' ')])).toEqual([[LOST_TABLE_ROLE, MISSING_TABLE]]);
    expect(page.title.lines.join(' ')).toBe('Prosedur Lomba-Lomba Bidang KB');
    expect(page.title.lines.join(' ')).not.toContain('judul hilang');
    expect(page.info.lines.join(' ')).toBe('SOP-307/BKBPM · Lembar 1 dari 1');
  });

  it('prints that notice in the SVG and the HTML form, after the identity sheet, with no empty table header', () => {
    for (const markup of [renderSvg(document), renderHtml(document)]) {
      const [sheet, ...more] = parseSheets(markup);
      expect(more).toEqual([]);
      expect(sheet.headerCells).toEqual([]);
      expect(sheet.cells.map((c) => [c.role, c.lines.map((l) => l.text).join(' ')])).toEqual([[LOST_TABLE_ROLE, MISSING_TABLE]]);
      expect(markup).not.toContain('Mutu Baku');
      expect(documentProblems(parseSheets(markup), text)).toEqual([]);
    }
    expect(renderHtml(document)).toContain('Dasar Hukum');
  });

  it('is how the book prints SOP-307', () => {
    const book = fromRoot('sops/sop-307.sop');
    if (!CORPUS.includes(book)) return expect(CORPUS).not.toContain(book);
    const sheets = parseSheets(rendered(book).svg);
    expect(sheets.flatMap((s) => s.cells.map((c) => c.lines.map((l) => l.text).join(' ')))).toEqual([MISSING_TABLE]);
  });
});
