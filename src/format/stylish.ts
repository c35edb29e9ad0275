/** The default human report: a code frame per finding, then a summary line. */
import { Chalk, type ChalkInstance } from 'chalk';
import { excerpt, formatCodeFrame, type Painter } from '../diagnostics/code-frame.js';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source.js';
import { countOf } from '../util/plural.js';
import { terminalText } from '../util/terminal-text.js';
import { type ReportTotals, type StreamingFormatter, totalsOf, wholeReport } from './types.js';

function painter(color: ChalkInstance): Painter {
  return {
    location: (s) => color.bold(s),
    severity: (s, severity) => (severity === 'error' ? color.red(s) : severity === 'warning' ? color.yellow(s) : color.blue(s)),
    rule: (s) => color.gray(s),
    underline: (s) => color.green(s),
    hint: (s) => color.cyan(s),
  };
}

/**
 * A related location (where a duplicate was first declared, ...) as a second, dimmed code frame under
 * the finding, headed by its own message.
 */
function relatedFrames(d: Diagnostic, options: StylishOptions, color: ChalkInstance): string {
  return (d.related ?? [])
    .map((r) => {
      // Text from the files is shown escaped: a .sop file cannot send escape sequences to the terminal.
      const lines = [terminalText(` ${r.file}:${r.line}:${r.column}: ${r.message[options.language]}`)];
      const source = options.sources.get(r.file);
      if (source && r.line <= source.lineCount) {
        const { text, before, width } = excerpt(source, r);
        const gutter = String(r.line);
        lines.push(` ${gutter} | ${text}`, ` ${' '.repeat(gutter.length)} | ${' '.repeat(before)}^${'~'.repeat(width - 1)}`);
      }
      return '\n' + lines.map((line) => color.dim(line)).join('\n');
    })
    .join('');
}

export interface StylishOptions {
  language: Language;
  color: boolean;
  sources: Map<string, SourceFile>;
  fileCount: number;
  acceptedByBaseline?: number;
}

export function formatStylish(diagnostics: Diagnostic[], options: StylishOptions): string {
  const chunks: string[] = [];
  const writer = stylishWriter({ ...options, totals: totalsOf(diagnostics) }, (chunk) => chunks.push(chunk));
  writer.findings(diagnostics);
  writer.end();
  return chunks.join('');
}

/** The stylish report written finding by finding: a block each, blocks apart by a blank line, then the summary. */
function stylishWriter(options: StylishOptions & { totals: ReportTotals }, write: (chunk: string) => void) {
  const color = new Chalk({ level: options.color ? 1 : 0 });
  const paint = painter(color);
  let first = true;
  return {
    findings(batch: readonly Diagnostic[]) {
      for (const d of batch) {
        const block = formatCodeFrame(d, options.sources.get(d.file), options.language, paint) + relatedFrames(d, options, color);
        write(first ? block : `\n\n${block}`);
        first = false;
      }
    },
    end() {
      write(`${first ? '' : '\n\n'}${stylishSummary(options, color)}\n`);
    },
  };
}

function stylishSummary(options: StylishOptions & { totals: ReportTotals }, color: ChalkInstance): string {
  const { errors, warnings, infos, findings, filesWithFindings, fixable } = options.totals;
  const id = options.language === 'id';
  let summary: string;
  // Findings the baseline accepts are not shown, but the summary says how many there are.
  const accepted = options.acceptedByBaseline ?? 0;
  const acceptedNote = accepted === 0 ? '' : id ? ` (${accepted} temuan diterima baseline)` : ` (${countOf(accepted, 'finding')} accepted by the baseline)`;
  if (findings === 0) {
    summary = color.green(
      (id ? `✔ ${options.fileCount} berkas diperiksa, tidak ada masalah` : `✔ ${countOf(options.fileCount, 'file')} checked, no problems`) + acceptedNote,
    );
  } else {
    const parts = id
      ? `${errors} galat, ${warnings} peringatan${infos ? `, ${infos} info` : ''}`
      : `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}${infos ? `, ${countOf(infos, 'info')}` : ''}`;
    const line = id
      ? `✖ ${findings} masalah (${parts}) di ${filesWithFindings} berkas`
      : `✖ ${countOf(findings, 'problem')} (${parts}) in ${countOf(filesWithFindings, 'file')}`;
    summary = errors ? color.red.bold(line + acceptedNote) : color.yellow.bold(line + acceptedNote);
    if (fixable > 0) {
      summary +=
        '\n' +
        color.gray(
          id
            ? `  ${fixable} di antaranya dapat diperbaiki otomatis: soplint check --fix`
            : `  ${fixable} of them can be fixed automatically: soplint check --fix`,
        );
    }
  }
  return summary;
}

/**
 * The stylish report, streamed. `head.sources` must hold the sources of each batch's files (and of
 * the files its related locations name) when that batch is given: the CLI refills it file by file.
 */
export const stylishStreaming: StreamingFormatter = {
  start(head, write) {
    const writer = stylishWriter(
      {
        language: head.language,
        color: head.color,
        sources: head.sources,
        fileCount: head.fileCount,
        acceptedByBaseline: head.acceptedByBaseline,
        totals: head.totals,
      },
      write,
    );
    return { findings: (batch) => writer.findings(batch), end: () => writer.end() };
  },
};

export const stylishFormatter = wholeReport(stylishStreaming);
