/**
 * Splitting a procedure's rows into A4 landscape pages: 5-8 steps a page, as the tools in use do,
 * spread evenly (13 steps: 7 + 6), with more pages when the steps' text does not fit. Every page but
 * a procedure's last is then filled to the full page height (its step rows grown evenly), so that a
 * sheet followed by more steps is never left a third empty; the last page keeps its natural height.
 */
import type { MeasuredRow } from './rows.js';
import { CONNECTOR_ZONE, MIN_SCALE, STEPS_PER_PAGE } from './style.js';

/** A step row with the note rows printed just before it. */
type Group = MeasuredRow[];

function groupRows(rows: MeasuredRow[]): Group[] {
  const groups: Group[] = [];
  let pending: MeasuredRow[] = [];
  for (const row of rows) {
    pending.push(row);
    if (row.kind === 'step') {
      groups.push(pending);
      pending = [];
    }
  }
  if (pending.length) {
    if (groups.length) groups[groups.length - 1].push(...pending);
    else groups.push(pending);
  }
  return groups;
}

/** `n` items in `k` contiguous chunks whose sizes differ by at most one, larger chunks first. */
function evenChunks<T>(items: T[], k: number): T[][] {
  const chunks: T[][] = [];
  let at = 0;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(items.length / k) + (i < items.length % k ? 1 : 0);
    chunks.push(items.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/** The body height a page of these groups needs, with room for page-break connectors. */
export function pageBodyHeight(groups: Group[], pageIndex: number, pageCount: number): number {
  let height = 0;
  for (const group of groups) for (const row of group) height += row.height;
  if (pageIndex > 0) height += CONNECTOR_ZONE;
  if (pageIndex < pageCount - 1) height += CONNECTOR_ZONE;
  return height;
}

/**
 * The rows of each page. `available` is the body height one page holds at full size; `firstReserve`
 * is taken from the first page's (a notice printed above its table).
 */
export function paginate(rows: MeasuredRow[], available: number, firstReserve = 0): MeasuredRow[][] {
  const groups = groupRows(rows);
  const n = groups.length;
  if (n <= 1) return [groups.flat()];
  const room = (i: number) => available - (i === 0 ? firstReserve : 0);
  const fewest = Math.ceil(n / STEPS_PER_PAGE.max);
  const mostAtMinimum = Math.max(fewest, Math.floor(n / STEPS_PER_PAGE.min));
  let chosen: Group[][] | undefined;
  for (let k = fewest; k <= n; k++) {
    const pages = evenChunks(groups, k);
    const worstScale = Math.min(...pages.map((page, i) => room(i) / pageBodyHeight(page, i, k)));
    if (worstScale >= 1 || (k >= mostAtMinimum && worstScale >= MIN_SCALE)) {
      chosen = pages;
      break;
    }
  }
  const pages = chosen ?? evenChunks(groups, n);
  return pages.map((page, i) => (i < pages.length - 1 ? filled(page, room(i) - pageBodyHeight(page, i, pages.length)) : page.flat()));
}

/** A page's rows with `slack` shared evenly among its step rows (none when the page is full). */
function filled(page: Group[], slack: number): MeasuredRow[] {
  const rows = page.flat();
  const grown = rows.filter((row) => row.kind === 'step');
  if (slack <= 0 || grown.length === 0) return rows;
  const extra = slack / grown.length;
  return rows.map((row) => (row.kind === 'step' ? { ...row, height: row.height + extra } : row));
}
