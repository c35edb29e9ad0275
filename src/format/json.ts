/** The JSON report: versioned and documented by schemas/report.schema.json. */
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import { docsPath } from '../rules/rule.js';
import { type StreamingFormatter, wholeReport } from './types.js';

export const REPORT_SCHEMA_ID = 'https://soplint.dev/schemas/report.schema.json';
export const REPORT_VERSION = 1;

const finding = (d: Diagnostic, language: Language) => ({
  ruleId: d.ruleId,
  severity: d.severity,
  message: d.message[language],
  messages: d.message,
  ...(d.hint ? { hint: d.hint[language] } : {}),
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
          message: r.message[language],
        })),
      }
    : {}),
});

/** Stands for the list of findings in the report's frame, which is written before and after them. */
const PLACEHOLDER = 'soplint-findings-placeholder';

/**
 * A JSON text whose list at `PLACEHOLDER` is written item by item: `JSON.stringify(whole, null, 2)`'s
 * bytes, with each item stringified alone and indented to its depth (strings in JSON hold no raw line
 * breaks, so indenting every line is exact).
 */
export function streamedJsonList(frame: unknown, write: (chunk: string) => void, placeholder = PLACEHOLDER) {
  const text = JSON.stringify(frame, null, 2);
  const at = text.indexOf(`"${placeholder}"`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(text.slice(lineStart))![0];
  const itemIndent = `${indent}  `;
  const before = text.slice(0, at);
  const after = text.slice(at + placeholder.length + 2);
  let count = 0;
  return {
    item(value: unknown) {
      const item = itemIndent + JSON.stringify(value, null, 2).replace(/\n/g, `\n${itemIndent}`);
      write(count++ === 0 ? `${before}[\n${item}` : `,\n${item}`);
    },
    end() {
      write(count === 0 ? `${before}[]${after}\n` : `\n${indent}]${after}\n`);
    },
  };
}

export const jsonStreaming: StreamingFormatter = {
  start(head, write) {
    const { totals, language } = head;
    const list = streamedJsonList(
      {
        $schema: REPORT_SCHEMA_ID,
        version: REPORT_VERSION,
        tool: { name: 'soplint', version: head.toolVersion },
        language,
        summary: {
          files: head.fileCount,
          errors: totals.errors,
          warnings: totals.warnings,
          infos: totals.infos,
          acceptedByBaseline: head.acceptedByBaseline ?? 0,
          fixable: totals.fixable,
        },
        findings: PLACEHOLDER,
      },
      write,
    );
    return {
      findings(batch) {
        for (const d of batch) list.item(finding(d, language));
      },
      end: () => list.end(),
    };
  },
};

export const jsonFormatter = wholeReport(jsonStreaming);
