/**
 * `soplint render --format html`: one SOP as the official SOP AP form (Permenpan RB 35/2012), a
 * printable HTML page: the identity sheet, then the flowchart table, one A4 landscape sheet per page.
 */
import type { SopDocument } from '../../ast/types.js';
import { type Logo, logoDataUrl } from '../../io/logo-file.js';
import type { Emitter, RenderInput } from '../registry.js';
import { renderCorpus } from './corpus/corpus-pages.js';
import { sopPageExtras } from './corpus/sop-page.js';
import { identitySheet, hasIdentity } from './html/identity-sheet.js';
import { htmlPage } from './html/page-shell.js';
import { FORM_CSS } from './html/styles.js';
import { layoutDocument } from './layout/document.js';
import { documentName } from './svg-emitter.js';
import { pageDescription, pageTitle } from './svg/describe.js';
import { sheetSvg } from './svg/sheet.js';
import { markup } from './text/escape.js';
import { fontFaceCss } from './text/font-face.js';

/** What a page of a rendered folder adds around the form (corpus/sop-page.ts): links, never printed. */
export interface PageExtras {
  header?: string;
  footer?: string;
  css?: string;
  /** Rewrites the identity sheet's HTML (links on its Keterkaitan entries). */
  identity?: (html: string) => string;
}

/** `logo`: the office's logo, printed in the identity sheet's head (embedded as a data: URL). */
export function renderHtml(document: SopDocument, extras: PageExtras = {}, logo?: Logo | null): string {
  const sections: string[] = [];
  const pages = layoutDocument(document);
  // A lost identity sheet is said above the first table (layout/notice.ts), not on a page of its own.
  const noticed = pages.some((page) => page.notice);
  if (hasIdentity(document.identity) && !noticed) {
    const sheet = identitySheet(document.identity, logo ? logoDataUrl(logo) : undefined);
    sections.push(extras.identity ? extras.identity(sheet) : sheet);
  }
  for (const page of pages) {
    const id = `sheet-${page.procedureIndex + 1}-${page.sheet}`;
    const title = pageTitle(document, page);
    sections.push(
      [
        `<section class="sheet flow" aria-labelledby="${id}-heading">`,
        `<h2 id="${id}-heading" class="visually-hidden">${markup(title)}</h2>`,
        sheetSvg(page, { id, title, description: pageDescription(document, page) }),
        '</section>',
      ].join('\n'),
    );
  }
  if (document.procedures.length === 0)
    sections.push('<section class="sheet flow" aria-label="Bagan alir"><p class="marker">Tidak ada tabel prosedur.</p></section>');
  const name = documentName(document);
  const body = [
    ...(extras.header ? [extras.header] : []),
    `<main>`,
    `<h1 class="visually-hidden">${markup(name)}</h1>`,
    ...sections,
    '</main>',
    ...(extras.footer ? [extras.footer] : []),
  ].join('\n');
  // The font's subset for the characters of this page, embedded (see text/font-face.ts).
  return htmlPage({ title: name, css: `${fontFaceCss(body)}\n${FORM_CSS}${extras.css ? `\n${extras.css}` : ''}`, body });
}

export const htmlEmitter: Emitter = {
  format: 'html',
  extension: 'html',
  render: ({ document, logo }: RenderInput) => renderHtml(document, {}, logo),
  renderCorpus,
  renderInCorpus: (input, corpus) => renderHtml(input.document, sopPageExtras(input, corpus), input.logo),
};
