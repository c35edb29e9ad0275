/** Laying out a whole SOP: each procedure's table, paginated, arrows routed, connector letters from A. */
import type { SopDocument } from '../../../ast/types.js';
import { buildFlowGraph } from '../../../resolve/flow-graph.js';
import { actorColumnSpecs, buildColumns, tableWidth } from './columns.js';
import { headerCells, pageHeading } from './header.js';
import { LetterSequence } from './letters.js';
import { identityLostOnly, insertNotice, lostProcedurePage, MISSING_IDENTITY, noticeHeight, noticeLines, procedureLost } from './notice.js';
import { paginate } from './paginate.js';
import { placePages } from './place.js';
import { routeProcedure } from './routes.js';
import { measureRows } from './rows.js';
import { PAGE_MAX_HEIGHT, PAGE_WIDTH } from './style.js';
import type { PageLayout } from './types.js';

export function procedureTitle(document: SopDocument, procedureIndex: number): string {
  const procedure = document.procedures[procedureIndex];
  if (procedure.title) return procedure.title.text;
  // A procedure lost whole keeps the SOP's title: its sheet says the table is lost (notice.ts).
  if (procedure.titleMarker === 'hilang' && !procedureLost(procedure)) return 'Prosedur (judul hilang dari sumber)';
  const judul = document.identity.judul?.text?.text;
  return judul ? `Prosedur ${judul}` : 'Prosedur';
}

export function layoutDocument(document: SopDocument): PageLayout[] {
  const number = document.identity.nomor?.text?.text ?? '';
  const pages: PageLayout[] = [];
  // An SOP whose identity sheet is lost says so above its first table (no page for one sentence).
  const notice = identityLostOnly(document.identity) ? MISSING_IDENTITY : undefined;
  document.procedures.forEach((procedure, procedureIndex) => {
    if (procedureLost(procedure)) {
      pages.push(lostProcedurePage(procedureIndex, procedureTitle(document, procedureIndex), number, PAGE_WIDTH));
      return;
    }
    const columns = buildColumns(actorColumnSpecs(procedure));
    const width = Math.max(PAGE_WIDTH, tableWidth(columns));
    const title = procedureTitle(document, procedureIndex);
    const headingHeight = pageHeading(title, `${number} · Lembar 1 dari 9`, width).height;
    const available = PAGE_MAX_HEIGHT - headingHeight - headerCells(columns, 0).height - 1;
    const lines = notice && procedureIndex === 0 ? noticeLines(notice, width) : [];
    const pagesRows = paginate(measureRows(procedure, columns), available, lines.length ? noticeHeight(lines) : 0);
    const placed = placePages({ procedure, procedureIndex, columns, width, title, number }, pagesRows);
    // Connector letters restart at A in each procedure: each procedure is its own flowchart.
    routeProcedure({ graph: buildFlowGraph(procedure), pages: placed.pages, steps: placed.steps, columns, letters: new LetterSequence() });
    if (lines.length) insertNotice(placed.pages[0].layout, lines);
    for (const page of placed.pages) pages.push(page.layout);
  });
  return pages;
}
