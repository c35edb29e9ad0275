/**
 * The form as printed on A4 landscape: text large enough to read (body at least 8 pt, labels at least
 * 7 pt, measured on the SVG pages scaled to their printed width), pages filled (every flowchart page
 * followed by another of its procedure uses at least 85% of the printable height), and a lost
 * identity sheet said above the first table instead of on a page of its own.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/emit/form/layout/document.js';
import { identityLostOnly, MISSING_IDENTITY } from '../../../src/emit/form/layout/notice.js';
import { printedSize } from '../../../src/emit/form/svg/sheet.js';
import { CORPUS, FIXTURES, inlineSvgs, rendered } from './render-helpers.js';

const PT_PER_MM = 72 / 25.4;
/** A4 landscape at the form's 10 mm margins: 277 x 190 mm. */
const PRINTABLE_MM = { width: 277, height: 190 };
const PRINTABLE_UNITS_HEIGHT = (PRINTABLE_MM.height / 25.4) * 96;

interface PrintedText {
  text: string;
  pt: number;
  /** A body text (cell, heading, notice) rather than a label (header, exit label, connector letter). */
  body: boolean;
}

/** Every text of a standalone sheet <svg>, with its size in points as the sheet prints. */
function printedTexts(svg: string): PrintedText[] {
  const width = Number(/^<svg[^>]* width="([\d.]+)mm"/.exec(svg)![1]);
  const viewBox = /^<svg[^>]* viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(svg)!;
  // Printed at its own width, or shrunk to the printable width when wider (as Chromium would).
  const mmPerUnit = Math.min(width, PRINTABLE_MM.width) / Number(viewBox[1]);
  const texts: PrintedText[] = [];
  // A cell's text (data-cell="kegiatan") or a heading's is body text; header cells and labels are not.
  for (const match of svg.matchAll(/<g data-cell="([^"]+)"[^>]*>(?:(?!<\/g>).)*?<text font-size="([\d.]+)"[^>]*>(.*?)<\/text>/gs)) {
    texts.push({ text: match[3].replace(/<[^>]+>/g, ' '), pt: Number(match[2]) * mmPerUnit * PT_PER_MM, body: !match[1].startsWith('header') });
  }
  const heading = /<g data-heading="">(.*?)<\/g>/s.exec(svg)![1];
  for (const match of heading.matchAll(/<text font-size="([\d.]+)"[^>]*>(.*?)<\/text>/gs))
    texts.push({ text: match[2].replace(/<[^>]+>/g, ' '), pt: Number(match[1]) * mmPerUnit * PT_PER_MM, body: true });
  for (const match of svg.matchAll(/<text data-edge-label="" [^>]*font-size="([\d.]+)"[^>]*>(.*?)<\/text>/g))
    texts.push({ text: match[2], pt: Number(match[1]) * mmPerUnit * PT_PER_MM, body: false });
  for (const match of svg.matchAll(/<g data-connector="[^"]*"[^>]*>.*?<text [^>]*font-size="([\d.]+)"[^>]*>(.*?)<\/text>/g))
    texts.push({ text: match[2], pt: Number(match[1]) * mmPerUnit * PT_PER_MM, body: false });
  return texts;
}

const ALL = [...CORPUS, ...FIXTURES];

describe('the printed form', () => {
  it('prints body text at 8 pt or more and labels at 7 pt or more, on every page of the book and the fixtures', () => {
    let smallestBody = Infinity;
    let smallestLabel = Infinity;
    for (const path of ALL) {
      const { html, file } = rendered(path);
      for (const svg of inlineSvgs(html)) {
        const texts = printedTexts(svg);
        expect(texts.length, file).toBeGreaterThan(0);
        for (const t of texts) {
          if (t.body) {
            expect(t.pt, `${file}: '${t.text}'`).toBeGreaterThanOrEqual(8);
            smallestBody = Math.min(smallestBody, t.pt);
          } else {
            expect(t.pt, `${file}: '${t.text}'`).toBeGreaterThanOrEqual(7);
            smallestLabel = Math.min(smallestLabel, t.pt);
          }
        }
      }
    }
    // Both kinds were measured.
    expect(smallestBody).toBeLessThan(20);
    expect(smallestLabel).toBeLessThan(20);
  });

  it('fills every flowchart page that another page of its procedure follows to 85% of the printable height', () => {
    let filled = 0;
    for (const path of CORPUS) {
      const { input, file } = rendered(path);
      for (const page of layoutDocument(input.document)) {
        if (page.sheet === page.sheetCount) continue;
        const fill = printedSize(page).units.height / PRINTABLE_UNITS_HEIGHT;
        expect(fill, `${file} procedure ${page.procedureIndex + 1} sheet ${page.sheet}`).toBeGreaterThanOrEqual(0.85);
        // And it fits: no page is taller than the printable area.
        expect(fill, `${file} procedure ${page.procedureIndex + 1} sheet ${page.sheet}`).toBeLessThanOrEqual(1);
        filled++;
      }
    }
    expect(filled).toBeGreaterThan(10);
  });

  it('keeps the last page of a procedure at its natural height', () => {
    const { input } = rendered(ALL.find((p) => p.endsWith('long-table.sop'))!);
    const pages = layoutDocument(input.document);
    expect(pages.length).toBeGreaterThan(1);
    const last = pages[pages.length - 1];
    expect(printedSize(last).units.height / PRINTABLE_UNITS_HEIGHT).toBeLessThan(printedSize(pages[0]).units.height / PRINTABLE_UNITS_HEIGHT);
  });

  it('says above the first table that the identity sheet is lost, and spends no page on it', () => {
    const lost = ALL.filter((p) => identityLostOnly(rendered(p).input.document.identity));
    expect(lost.length).toBeGreaterThan(0);
    for (const path of lost) {
      const { input, html, file } = rendered(path);
      const pages = layoutDocument(input.document);
      expect(pages[0].notice?.lines.join(' '), file).toBe(MISSING_IDENTITY);
      expect(pages.slice(1).some((page) => page.notice)).toBe(false);
      // The notice sits between the heading and the table.
      const tableTop = Math.min(...pages[0].headerCells.map((c) => c.y));
      expect(pages[0].notice!.y).toBeLessThan(tableTop);
      expect(pages[0].notice!.y).toBeGreaterThanOrEqual(pages[0].title.y);
      // No identity sheet section: the first sheet is the flowchart's, and says it.
      expect(html).not.toContain('class="sheet identity"');
      expect(inlineSvgs(html)[0]).toContain('data-notice=""');
      expect(inlineSvgs(html)[0]).toContain(MISSING_IDENTITY);
    }
    // An SOP with an identity sheet has no notice.
    const { input } = rendered(CORPUS.find((p) => p.endsWith('sop-506.sop'))!);
    expect(layoutDocument(input.document).some((page) => page.notice)).toBe(false);
  });
});
