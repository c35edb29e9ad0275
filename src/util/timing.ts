/**
 * Where a check spends its time, as ESLint's `TIMING=1`: with `SOPLINT_TIMING=1` (top 10),
 * `SOPLINT_TIMING=N` (top N, when above 10) or `SOPLINT_TIMING=all`, every rule's visitors and every phase of the run
 * are timed and `soplint check` prints the totals to stderr. Off (the variable unset, empty or 0),
 * `currentTimings()` is undefined and the engine calls the rules directly: nothing is measured.
 * The variable is read when a run starts (not when the module loads: the startup snapshot loads it
 * once, at build time).
 */

export const TIMING_VARIABLE = 'SOPLINT_TIMING';

/** The phases of a run, as the table names them. */
export const PHASE = {
  read: 'read',
  parse: 'parse/AST',
  resolve: 'resolve',
  fileRules: 'file rules',
  index: 'corpus index entry',
  corpusRules: 'corpus rules',
  report: 'report',
} as const;

/** How many rows of each table to print, from the variable's value; undefined when timing is off. */
export function timingRows(value: string | undefined): number | undefined {
  const text = value?.trim().toLowerCase();
  if (!text || text === '0' || text === 'false' || text === 'off') return undefined;
  if (text === 'all') return Number.POSITIVE_INFINITY;
  // As ESLint: a number above 10 is the number of rows, anything else 10.
  const count = Number(text);
  return Number.isInteger(count) && count > 10 ? count : 10;
}

/** Timings as a worker thread posts them. */
export interface TimingTotals {
  phases: [string, number][];
  rules: [string, number][];
}

/** Milliseconds spent, by phase and by rule id. */
export class Timings {
  readonly phases = new Map<string, number>();
  readonly rules = new Map<string, number>();

  addPhase(name: string, ms: number): void {
    this.phases.set(name, (this.phases.get(name) ?? 0) + ms);
  }

  addRule(id: string, ms: number): void {
    this.rules.set(id, (this.rules.get(id) ?? 0) + ms);
  }

  isEmpty(): boolean {
    return this.phases.size === 0 && this.rules.size === 0;
  }

  /** Runs `work` and adds its time to the phase. */
  phase<T>(name: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.addPhase(name, performance.now() - start);
    }
  }

  /** Runs `work` and adds its time to the rule's. */
  measureRule<T>(id: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.addRule(id, performance.now() - start);
    }
  }

  /** The visitor, calling which adds its time to the rule's. */
  rule<F extends (...args: never[]) => void>(id: string, visit: F): F {
    return ((...args: Parameters<F>) => this.measureRule(id, () => visit(...args))) as F;
  }

  /** What a worker thread sends back, to be merged into the main thread's. */
  toJSON(): TimingTotals {
    return { phases: [...this.phases], rules: [...this.rules] };
  }

  merge(other: TimingTotals): void {
    for (const [name, ms] of other.phases) this.addPhase(name, ms);
    for (const [id, ms] of other.rules) this.addRule(id, ms);
  }

  /** Two tables: the phases (share of all phases) and the rules (share of all rules), slowest first. */
  format(rows: number): string {
    return [table('Phase', this.phases, Number.POSITIVE_INFINITY), table('Rule', this.rules, rows)].join('\n');
  }
}

function table(heading: string, totals: Map<string, number>, rows: number): string {
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const all = sorted.reduce((sum, [, ms]) => sum + ms, 0);
  const shown = sorted.slice(0, rows).map(([name, ms]) => [name, ms.toFixed(1), `${all > 0 ? ((100 * ms) / all).toFixed(1) : '0.0'}%`]);
  const widths = [heading, 'Time (ms)', 'Relative'].map((title, column) => Math.max(title.length, ...shown.map((row) => row[column].length)));
  const line = (cells: string[]) => `${cells[0].padEnd(widths[0])} | ${cells[1].padStart(widths[1])} | ${cells[2].padStart(widths[2])}`;
  const rule = `:${'-'.repeat(widths[0])}|${'-'.repeat(widths[1] + 1)}:|${'-'.repeat(widths[2])}:`;
  return [line([heading, 'Time (ms)', 'Relative']), rule, ...shown.map(line)].join('\n') + '\n';
}

let current: Timings | undefined;

/** This thread's timings; undefined when timing is off. */
export function currentTimings(): Timings | undefined {
  return current;
}

/** Starts timing when the variable asks for it (stops it otherwise); the rows to print, or undefined. */
export function startTimingFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const rows = timingRows(env[TIMING_VARIABLE]);
  current = rows === undefined ? undefined : new Timings();
  return rows;
}

/** Runs `work`, its time added to the phase when timing is on. */
export function inPhase<T>(name: string, work: () => T): T {
  return current ? current.phase(name, work) : work();
}

/** Adds the time since `start` (performance.now()) to the phase, when timing is on. */
export function addPhaseSince(name: string, start: number): void {
  current?.addPhase(name, performance.now() - start);
}
