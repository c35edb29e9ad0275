/**
 * `soplint render --format pdf`: the official form as a PDF without a browser. The pages are the
 * HTML form's, drawn as vectors by PDFKit from the same layout (src/emit/form/layout/): the identity
 * sheet, then each procedure's flowchart table, one A4 landscape page per sheet. The text is DejaVu
 * Sans (shipped in fonts/), embedded as subsets, so it is selectable and prints the same everywhere.
 * Metadata: title = Judul SOP, subject = Nomor SOP.
 */
import PDFDocument from 'pdfkit';
import type { SopDocument } from '../../ast/types.js';
import type { Emitter, RenderInput } from '../registry.js';
import { layoutDocument } from '../form/layout/document.js';
import { FONT } from '../form/layout/style.js';
import type { PageLayout } from '../form/layout/types.js';
import { documentName } from '../form/svg-emitter.js';
import { fontFile } from '../office/fonts.js';
import { identityModel } from '../office/identity.js';
import { drawFlowPage, drawMessage, type Painter } from './draw.js';
import { drawIdentitySheet, identitySheetHeight, LOGO_MAX_WIDTH } from './identity.js';
import { logoPicture } from '../office/logo.js';
import type { Logo } from '../../io/logo-file.js';

/** A4 landscape in points, and the HTML form's print margin (10 mm). */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const MARGIN = (10 / 25.4) * 72;
/** Layout units are CSS px at 96 dpi. */
const PT_PER_UNIT = 72 / 96;
const PRINTABLE = { width: A4_LANDSCAPE.width - 2 * MARGIN, height: A4_LANDSCAPE.height - 2 * MARGIN };

function newPage(doc: PDFKit.PDFDocument): void {
  doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
}

/** Draws `draw` on a new page, in layout units, scaled as the HTML form prints it (down to fit, never up). */
function onPage(doc: PDFKit.PDFDocument, size: { width: number; height: number }, draw: () => void): void {
  newPage(doc);
  const scale = Math.min(1, PRINTABLE.width / ((size.width + 2) * PT_PER_UNIT), PRINTABLE.height / ((size.height + 2) * PT_PER_UNIT));
  doc.save();
  doc.translate(MARGIN + PT_PER_UNIT * scale, MARGIN + PT_PER_UNIT * scale);
  doc.scale(PT_PER_UNIT * scale);
  draw();
  doc.restore();
}

/** `logo`: the office's logo, printed in the identity sheet's head. */
export async function renderPdf(document: SopDocument, logo?: Logo | null): Promise<Uint8Array> {
  // Read before the document starts: a logo that cannot be drawn is left out.
  const picture = logo ? await logoPicture(logo, LOGO_MAX_WIDTH) : undefined;
  const judul = document.identity.judul?.text?.text;
  const nomor = document.identity.nomor?.text?.text;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    lang: 'id-ID',
    displayTitle: true,
    // PDFKit's built-in Helvetica is never used: every text is drawn in the embedded DejaVu Sans.
    font: null as unknown as string,
    info: {
      Title: judul ?? documentName(document),
      ...(nomor ? { Subject: nomor } : {}),
      Creator: 'soplint',
      Producer: 'soplint (PDFKit)',
      // A fixed date: the same SOP renders to the same bytes, so a PDF under version control changes
      // only when the SOP does.
      CreationDate: new Date(Date.UTC(2000, 0, 1)),
    },
  });
  doc.registerFont('regular', fontFile('regular'));
  doc.registerFont('bold', fontFile('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const painter: Painter = { doc };

  const pages: PageLayout[] = layoutDocument(document);
  const identity = identityModel(document.identity);
  // A lost identity sheet is said above the first table (form/layout/notice.ts) when there is one.
  if (identity.kind === 'missing' && !pages.some((page) => page.notice)) onPage(doc, { width: 1046, height: 40 }, () => drawMessage(painter, identity.message));
  if (identity.kind === 'sheet') {
    const height = identitySheetHeight(identity, picture);
    onPage(doc, { width: 1046, height }, () => drawIdentitySheet(painter, identity, picture));
  }
  for (const page of pages) {
    onPage(doc, { width: page.width, height: page.height }, () => drawFlowPage(painter, page));
  }
  if (document.procedures.length === 0) onPage(doc, { width: 1046, height: 40 }, () => drawMessage(painter, 'Tidak ada tabel prosedur.', FONT.title));
  doc.end();
  return done;
}

export const pdfEmitter: Emitter = {
  format: 'pdf',
  extension: 'pdf',
  binary: true,
  render: ({ document, logo }: RenderInput) => renderPdf(document, logo),
};
