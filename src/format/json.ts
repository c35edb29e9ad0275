/** The JSON report: versioned and documented by schemas/report.schema.json. */
import { docsPath } from '../rules/rule.js';
import type { Formatter } from './types.js';

export const REPORT_SCHEMA_ID = 'https://soplint.dev/schemas/report.schema.json';
export const REPORT_VERSION = 1;

export const jsonFormatter: Formatter = (input) => {
  const count = (severity: string) => input.diagnostics.filter((d) => d.severity === severity).length;
  const report = {
    $schema: REPORT_SCHEMA_ID,
    version: REPORT_VERSION,
    tool: { name: 'soplint', version: input.toolVersion },
    language: input.language,
    summary: {
      files: input.fileCount,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      acceptedByBaseline: input.acceptedByBaseline ?? 0,
      fixable: input.diagnostics.filter((d) => d.fix).length,
    },
    findings: input.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message[input.language],
      messages: d.message,
      ...(d.hint ? { hint: d.hint[input.language] } : {}),
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      docs: docsPath(d.ruleId),
      ...(d.fix ? { fix: { offset: d.fix.offset, endOffset: d.fix.endOffset, text: d.fix.text } } : {}),
      ...(d.related?.length
        ? {
            related: d.related.map((r) => ({
              file: r.file,
              line: r.line,
              column: r.column,
              endLine: r.endLine,
              endColumn: r.endColumn,
              message: r.message[input.language],
            })),
          }
        : {}),
    })),
  };
  return JSON.stringify(report, null, 2) + '\n';
};
