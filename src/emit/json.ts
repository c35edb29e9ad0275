/**
 * The JSON form of an SOP: the AST itself, versioned, with every span given as offsets plus 1-based
 * line/column, as documented by schemas/sop.schema.json. The other emitters read the same AST.
 */
import type { SopDocument } from '../ast/types.js';
import type { SourceFile, Span } from '../diagnostics/source.js';

export const SOP_JSON_VERSION = 1;
export const SOP_SCHEMA_ID = 'https://soplint.dev/schemas/sop.schema.json';

export interface Location extends Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function isSpan(value: unknown): value is Span {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 2 &&
    typeof (value as Span).start === 'number' &&
    typeof (value as Span).end === 'number'
  );
}

function withLocations(value: unknown, source: SourceFile): unknown {
  if (Array.isArray(value)) return value.map((v) => withLocations(v, source));
  if (isSpan(value)) {
    const start = source.positionAt(value.start);
    const end = source.positionAt(value.end);
    return { start: value.start, end: value.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = withLocations(v, source);
    return out;
  }
  return value;
}

export function toSopJson(document: SopDocument, source: SourceFile): Record<string, unknown> {
  return { $schema: SOP_SCHEMA_ID, version: SOP_JSON_VERSION, ...(withLocations(document, source) as object) };
}

export function renderJson(document: SopDocument, source: SourceFile): string {
  return JSON.stringify(toSopJson(document, source), null, 2) + '\n';
}

export const jsonEmitter = {
  format: 'json',
  extension: 'json',
  render: ({ document, source }: { document: SopDocument; source: SourceFile }) => renderJson(document, source),
};
