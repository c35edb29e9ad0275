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
    if (groups.length) for (const row of pending) groups[groups.length - 1].push(row);
    else groups.push(pending);
  }
  return groups;
}

/**
 * `n` items in `k` contiguous chunks whose sizes differ by at most one, larger chunks first: where
 * chunk `i` starts (`i` = k: the end), and which chunk holds item `g`. Arithmetic, so that trying a
 * page count costs nothing before its pages are looked at.
 */
class EvenChunks {
  private readonly size: number;
  private readonly larger: number;
  constructor(
    readonly n: number,
    readonly k: number,
  ) {
    this.size = Math.floor(n / k);
    this.larger = n % k;
  }
  start(i: number): number {
    return i <= this.larger ? i * (this.size + 1) : this.larger * (this.size + 1) + (i - this.larger) * this.size;
  }
  chunkOf(g: number): number {
    const inLarger = this.larger * (this.size + 1);
    return g < inLarger ? Math.floor(g / (this.size + 1)) : this.larger + Math.floor((g - inLarger) / this.size);
  }
  chunks<T>(items: T[]): T[][] {
    return Array.from({ length: this.k }, (_, i) => items.slice(this.start(i), this.start(i + 1)));
  }
}

/** The body height a page of these groups needs, with room for page-break connectors. */
export function pageBodyHeight(groups: Group[], pageIndex: number, pageCount: number): number {
  return rangeBodyHeight(groups, 0, groups.length, pageIndex, pageCount);
}

function rangeBodyHeight(groups: Group[], from: number, to: number, pageIndex: number, pageCount: number): number {
  let height = 0;
  for (let g = from; g < to; g++) for (const row of groups[g]) height += row.height;
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
  // The fewest pages at which every page fits at full size, or (from mostAtMinimum pages on) at
  // MIN_SCALE. Each page count tried first looks at the page holding the group that failed the last
  // one: a step too tall for any page rejects every count at once, not after a scan of all its pages
  // (which made 100,000 such steps quadratic).
  let chosen: EvenChunks | undefined;
  let culprit = 0;
  for (let k = fewest; k <= n && !chosen; k++) {
    const chunks = new EvenChunks(n, k);
    const least = k >= mostAtMinimum ? MIN_SCALE : 1;
    const fits = (i: number) => room(i) / rangeBodyHeight(groups, chunks.start(i), chunks.start(i + 1), i, k) >= least;
    if (!fits(chunks.chunkOf(culprit))) continue;
    let failing = -1;
    for (let i = 0; i < k && failing < 0; i++) if (!fits(i)) failing = i;
    if (failing < 0) chosen = chunks;
    else culprit = chunks.start(failing);
  }
  const pages = (chosen ?? new EvenChunks(n, n)).chunks(groups);
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
