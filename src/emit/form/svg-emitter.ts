/**
 * `soplint render --format svg`: the flowchart table of every procedure of an SOP as one SVG file,
 * its A4 landscape pages stacked top to bottom (the HTML form puts each page on its own sheet).
 */
import type { SopDocument } from '../../ast/types.js';
import type { Emitter, RenderInput } from '../registry.js';
import { layoutDocument } from './layout/document.js';
import { FONT } from './layout/style.js';
import { markup } from './text/escape.js';
import { fontFaceCss } from './text/font-face.js';
import { FONT_FAMILY } from './text/metrics.js';
import { pageDescription, pageTitle } from './svg/describe.js';
import { num } from './svg/primitives.js';
import { printedSize, sheetSvg, SVG_NS, SVG_TEXT_CSS } from './svg/sheet.js';

const PAGE_GAP = 24;

export function documentName(document: SopDocument): string {
  const parts = [document.identity.nomor?.text?.text, document.identity.judul?.text?.text].filter(Boolean);
  return parts.length ? parts.join(' ') : document.file;
}

export function renderSvg(document: SopDocument): string {
  const pages = layoutDocument(document);
  const sheets: string[] = [];
  let y = 0;
  let width = 0;
  pages.forEach((page, i) => {
    const size = printedSize(page);
    const id = `sheet-${page.procedureIndex + 1}-${page.sheet}`;
    sheets.push(sheetSvg(page, { id, title: pageTitle(document, page), description: pageDescription(document, page), at: { x: 0, y } }));
    y += size.units.height + (i < pages.length - 1 ? PAGE_GAP : 0);
    width = Math.max(width, size.units.width);
  });
  if (pages.length === 0) {
    width = 600;
    y = 40;
    sheets.push(`<text x="8" y="24" font-size="${FONT.title}">${markup('Tidak ada tabel prosedur.')}</text>`);
  }
  const title = `<title id="sop-title">${markup(`Bagan alir ${documentName(document)}`)}</title>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="${SVG_NS}" width="${num(width)}" height="${num(y)}" viewBox="0 0 ${num(width)} ${num(y)}" font-family="${FONT_FAMILY}, sans-serif" role="img" aria-labelledby="sop-title">`,
    title,
    // The font's subset for the characters drawn, embedded (see text/font-face.ts).
    `<style>${fontFaceCss(sheets.join(''))}\n${SVG_TEXT_CSS}</style>`,
    ...sheets,
    '</svg>',
    '',
  ].join('\n');
}

export const svgEmitter: Emitter = {
  format: 'svg',
  extension: 'svg',
  render: ({ document }: RenderInput) => renderSvg(document),
};
