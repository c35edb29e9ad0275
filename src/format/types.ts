/** What every report format gets: the findings of a run and what is needed to print them. */
import type { Rule } from '../rules/rule.js';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source.js';

export interface ReportInput {
  diagnostics: Diagnostic[];
  fileCount: number;
  /** The files checked, repo-relative (for formats that list clean files too). */
  files: string[];
  language: Language;
  color: boolean;
  /** Sources of the files with findings, for code frames. */
  sources: Map<string, SourceFile>;
  rules: Rule[];
  toolVersion: string;
  /** When the run happened, `YYYY-MM-DDTHH:MM:SS` in UTC (JUnit); now when absent. */
  timestamp?: string;
  /** The machine the run happened on (JUnit); os.hostname() when absent. */
  hostname?: string;
  /** Findings left out because the baseline accepts them (0 without a baseline). */
  acceptedByBaseline?: number;
}

export type Formatter = (input: ReportInput) => string;

/** Counts over a run's findings: what a report's header or summary says before or after the findings. */
export interface ReportTotals {
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
}

export function emptyTotals(): ReportTotals {
  return { findings: 0, errors: 0, warnings: 0, infos: 0, fixable: 0, filesWithFindings: 0 };
}

/** Adds findings to `totals`; each call's findings must be whole files' not counted before (the CLI passes one file at a time). */
export function addTotals(totals: ReportTotals, diagnostics: readonly Diagnostic[]): ReportTotals {
  let file: string | undefined;
  for (const d of diagnostics) {
    totals.findings++;
    if (d.severity === 'error') totals.errors++;
    else if (d.severity === 'warning') totals.warnings++;
    else totals.infos++;
    if (d.fix) totals.fixable++;
    if (d.file !== file) {
      file = d.file;
      totals.filesWithFindings++;
    }
  }
  return totals;
}

/** The totals of a whole list of findings, in any order. */
export function totalsOf(diagnostics: readonly Diagnostic[]): ReportTotals {
  const totals = addTotals(emptyTotals(), diagnostics);
  totals.filesWithFindings = new Set(diagnostics.map((d) => d.file)).size;
  return totals;
}

/** What a streaming report knows before its findings: everything but the findings, and their counts. */
export type ReportHead = Omit<ReportInput, 'diagnostics'> & { totals: ReportTotals };

/**
 * A report written piece by piece, as the findings arrive file after file (bounded memory at any
 * corpus size). `findings` is called with the run's findings, in order, in batches of whole files,
 * once per pass; the concatenated writes are the same bytes as the string formatter's.
 */
export interface StreamingFormatter {
  /** How many times the findings are passed (github: the annotations, then the plain lines). Default 1. */
  passes?: number;
  start(head: ReportHead, write: (chunk: string) => void): ReportWriter;
}

export interface ReportWriter {
  findings(batch: readonly Diagnostic[], pass: number): void;
  end(): void;
}

/** The string formatter of a streaming one: every finding in one batch, the writes joined. */
export function wholeReport(streaming: StreamingFormatter): Formatter {
  return (input) => {
    const chunks: string[] = [];
    const { diagnostics, ...rest } = input;
    const writer = streaming.start({ ...rest, totals: totalsOf(diagnostics) }, (chunk) => chunks.push(chunk));
    for (let pass = 0; pass < (streaming.passes ?? 1); pass++) writer.findings(diagnostics, pass);
    writer.end();
    return chunks.join('');
  };
}
