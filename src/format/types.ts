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
