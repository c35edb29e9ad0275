/**
 * Measuring a printed form (a PDF from soplint, Chromium or LibreOffice) with poppler: the size of
 * every word in points (pdftotext -bbox) and how far down each page the ink goes (pdftoppm).
 */
import { spawnSync } from 'node:child_process';
import type { SopDocument } from '../../../src/ast/types.js';
import { layoutDocument } from '../../../src/emit/form/layout/document.js';
import { ASCENT_EM, DESCENT_EM } from '../../../src/emit/form/text/metrics.js';

export interface Word {
  text: string;
  /** The font size in points: poppler's word box is the font's ascent + descent high. */
  pt: number;
  yMin: number;
  yMax: number;
}

/** The words of each page (1-based index = array index + 1). */
export function pdfWords(pdf: string): Word[][] {
  const out = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`pdftotext -bbox ${pdf}: ${out.stderr}`);
  return out.stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)<\/word>/g)].map((m) => {
        const [yMin, yMax] = [Number(m[1]), Number(m[2])];
        return { text: decode(m[3]), pt: (yMax - yMin) / (ASCENT_EM + DESCENT_EM), yMin, yMax };
      }),
    );
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The words a form prints as labels, allowed down to 7 pt: the header cells (shrunk to fit a
 * narrow actor column), the decision exits' labels and the connectors' letters.
 */
export function labelWords(document: SopDocument): Set<string> {
  const words = new Set<string>();
  for (const page of layoutDocument(document)) {
    for (const cell of page.headerCells) for (const line of cell.text?.lines ?? []) for (const word of line.split(/\s+/)) words.add(word);
    for (const route of page.routes) if (route.label) for (const word of route.label.text.split(/\s+/)) words.add(word);
    for (const connector of page.connectors) words.add(connector.letter);
  }
  return words;
}

/** Words printed under `min` points that are not labels, or labels under `labelMin`. */
export function tooSmall(words: Word[], labels: Set<string>, min = 8, labelMin = 7): Word[] {
  return words.filter((w) => w.pt < labelMin - 0.01 || (w.pt < min - 0.01 && !labels.has(w.text)));
}

const MM_PER_INCH = 25.4;
const DPI = 48;

/** How much of the printable height (190 mm below a 10 mm margin) the ink of a page spans, from its top margin. */
export function inkFill(pdf: string, page: number): number {
  const result = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(DPI), '-gray', pdf], { maxBuffer: 1 << 24 });
  const bytes = result.stdout as Buffer;
  const header = bytes.subarray(0, 20).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(bytes.length - width * height);
  let last = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x] < 160) {
        last = y;
        break;
      }
    }
  }
  const mm = (px: number) => (px * MM_PER_INCH) / DPI;
  return (mm(last + 1) - 10) / 190;
}
