/** What `soplint fmt` must keep: the document and its syntax findings, apart from positions. */
import { parseSop, type ParseResult } from '../ast/parse.js';
import { BLOCK_LABELS, IDENTITY_LABELS, STEP_FIELD_LABELS } from '../syntax/labels.js';
import { formatSop, type FormatOptions } from './format.js';

const POSITION_KEYS = new Set([
  'start',
  'end',
  'line',
  'column',
  'endLine',
  'endColumn',
  'offset',
  'startOffset',
  'endOffset',
  'appliesToLine',
  'appliesToEndLine',
]);

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    // Keys sorted: a step's fields are built in the order they are written, which fmt changes.
    for (const [key, v] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (POSITION_KEYS.has(key) && typeof v === 'number') continue;
      // A field's label as written: fmt writes its canonical spelling.
      if (key === 'label' && typeof v === 'object' && v !== null && 'text' in v) continue;
      out[key] = withoutPositions(v);
    }
    return out;
  }
  return value;
}

/** The document as src/emit/json.ts writes it, without spans, lines or columns. */
export function documentShape(parsed: ParseResult): string {
  return JSON.stringify(withoutPositions(parsed.document));
}

/** Every spelling of a label, lower case with single spaces, to the canonical spelling fmt writes. */
const CANONICAL_SPELLING = new Map<string, string>();
for (const spec of [...IDENTITY_LABELS, ...STEP_FIELD_LABELS, ...BLOCK_LABELS]) {
  for (const spelling of [spec.canonical, ...spec.aliases]) {
    const key = spelling.toLowerCase().replace(/\s+/g, ' ');
    if (!CANONICAL_SPELLING.has(key)) CANONICAL_SPELLING.set(key, spec.canonical);
  }
}

/** A message quotes a label as written ("Isi 'pemerintah' ..."): fmt writes its canonical spelling. */
function canonicalLabels(text: string): string {
  return text.replace(/'([A-Za-z][A-Za-z./ \t]{0,39}?)(:?)'/g, (whole, label: string, colon: string) => {
    const canonical = CANONICAL_SPELLING.get(
      label
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/\s*\/\s*/g, '/'),
    );
    return canonical ? `'${canonical}${colon}'` : whole;
  });
}

/** The syntax findings without their positions, labels quoted in their canonical spelling. */
export function findingShape(parsed: ParseResult): string[] {
  return parsed.diagnostics.map((d) => canonicalLabels(JSON.stringify(withoutPositions({ ...d, span: undefined, source: undefined })))).sort();
}

/** True when the formatted text reads as the same SOP as the original. */
export function sameSop(original: string, formatted: string): boolean {
  const a = parseSop(original);
  const b = parseSop(formatted);
  return documentShape(a) === documentShape(b) && findingShape(a).join('\n') === findingShape(b).join('\n');
}

/**
 * The canonical layout of `text` when it reads as the same SOP: wrapped at the width, or, should the
 * wrapping change the reading (which the wrapper avoids; this is a safety net), without wrapping.
 * Undefined when even that layout would read differently.
 */
export function formatVerified(text: string, options: FormatOptions = {}): string | undefined {
  const formatted = formatSop(text, options);
  if (formatted === text || sameSop(text, formatted)) return formatted;
  const unwrapped = formatSop(text, { ...options, width: Number.POSITIVE_INFINITY });
  return unwrapped === text || sameSop(text, unwrapped) ? unwrapped : undefined;
}
