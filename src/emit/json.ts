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
  const pieces: string[] = [];
  writeJson(document, source, (piece) => pieces.push(piece));
  return pieces.join('');
}

/**
 * Levels split into pieces: the document, its procedures, one procedure, its steps; a step (and any
 * value below this depth) is one JSON.stringify.
 */
const PIECE_DEPTH = 4;

/**
 * The text of renderJson, in pieces of about 64 KB: the JSON of 100,000 decisions is longer than a
 * string can be (2^29 - 24 characters). Each step is given its locations and written on its own,
 * so the whole located copy of the AST is never held either.
 */
export function writeJson(document: SopDocument, source: SourceFile, write: (chunk: string) => void): void {
  let pending: string[] = [];
  let size = 0;
  const put = (text: string) => {
    pending.push(text);
    size += text.length;
    if (size >= 65_536) {
      write(pending.join(''));
      pending = [];
      size = 0;
    }
  };
  // What JSON.stringify(value, null, 2) writes, for a value whose first line is indented by `indent`.
  const emit = (value: unknown, indent: string, depth: number): void => {
    const composite = typeof value === 'object' && value !== null && !isSpan(value);
    if (!composite || depth >= PIECE_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      put((JSON.stringify(withLocations(value, source), null, 2) ?? 'null').replaceAll('\n', `\n${indent}`));
      return;
    }
    const inner = `${indent}  `;
    const array = Array.isArray(value);
    const entries = array
      ? value.map((v) => [null, v] as const)
      : Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length === 0) {
      put(array ? '[]' : '{}');
      return;
    }
    put(array ? '[' : '{');
    entries.forEach(([key, v], i) => {
      put(`${i ? ',' : ''}\n${inner}${key === null ? '' : `${JSON.stringify(key)}: `}`);
      if (array && (v === undefined || typeof v === 'function' || typeof v === 'symbol')) put('null');
      else emit(v, inner, depth + 1);
    });
    put(`\n${indent}${array ? ']' : '}'}`);
  };
  emit({ $schema: SOP_SCHEMA_ID, version: SOP_JSON_VERSION, ...document }, '', 0);
  put('\n');
  if (size > 0) write(pending.join(''));
}

export const jsonEmitter = {
  format: 'json',
  extension: 'json',
  render: ({ document, source }: { document: SopDocument; source: SourceFile }) => renderJson(document, source),
  write: ({ document, source }: { document: SopDocument; source: SourceFile }, write: (chunk: string) => void) => writeJson(document, source, write),
};
