/**
 * textDocument/formatting: the edits that turn a document into what `soplint fmt` writes (src/fmt),
 * as few and as small as a line diff gives, so that the editor keeps the cursor and the undo step
 * small. Like `soplint fmt`, a document with syntax errors is not formatted (its layout says too
 * little), nor one whose new layout would read as a different SOP.
 */
import type { ParseResult } from '../ast/parse.js';
import type { ResolvedConfig } from '../config/types.js';
import { formatSop } from '../fmt/format.js';
import { sameSop } from '../fmt/verify.js';

export interface LineEdit {
  /** 0-based lines [startLine, endLine) of the original replaced by `lines`. */
  startLine: number;
  endLine: number;
  lines: string[];
}

export type FormatAnswer = { edits: LineEdit[]; eol: string } | { refused: 'syntax' | 'different' };

/** The configured `fmt.width` (`.soplintrc.yaml`'s `fmt:` key), when the configuration sets one. */
export function configuredWidth(config: ResolvedConfig): number | undefined {
  return config.fmt?.width;
}

export function formatDocument(text: string, parsed: ParseResult, width?: number): FormatAnswer {
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return { refused: 'syntax' };
  const formatted = formatSop(text, width === undefined ? {} : { width });
  if (formatted === text) return { edits: [], eol: '\n' };
  if (!sameSop(text, formatted)) return { refused: 'different' };
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return { edits: lineDiff(text.split(/\r\n|\r|\n/), formatted.split(/\r\n|\r|\n/)), eol };
}

/**
 * The hunks that turn lines `a` into lines `b`: the longest common subsequence of lines (dynamic
 * programming; files of a few hundred lines), or one hunk between the common head and tail for
 * very long files.
 */
export function lineDiff(a: string[], b: string[]): LineEdit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length === 0 && y.length === 0) return [];
  if (x.length * y.length > 4_000_000) return [{ startLine: head, endLine: a.length - tail, lines: y }];
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
  const width = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const edits: LineEdit[] = [];
  let open: LineEdit | undefined;
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      open = undefined;
      i++;
      j++;
      continue;
    }
    if (!open) {
      open = { startLine: head + i, endLine: head + i, lines: [] };
      edits.push(open);
    }
    if (j < y.length && (i === x.length || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      open.lines.push(y[j++]);
    } else {
      i++;
      open.endLine = head + i;
    }
  }
  return edits;
}

/** Line hunks as replacements of offsets of `text` (whose last line may have no line break). */
export function hunksAsReplacements(text: string, edits: LineEdit[], eol: string): { start: number; end: number; newText: string }[] {
  const starts = [0];
  const ends: number[] = [];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(text.length);
  const lineCount = starts.length;
  const replacements = edits.map(({ startLine, endLine, lines }) => {
    if (endLine < lineCount) return { start: starts[startLine], end: starts[endLine], newText: lines.map((l) => l + eol).join('') };
    // Up to the end of the text: the last line has no break after it.
    if (startLine === 0) return { start: 0, end: text.length, newText: lines.join(eol) };
    return { start: ends[startLine - 1], end: text.length, newText: lines.map((l) => eol + l).join('') };
  });
  // Replacements that touch (an insertion where the last hunk starts) become one: no order to rely on.
  const merged: typeof replacements = [];
  for (const r of replacements) {
    const last = merged.at(-1);
    if (last && r.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: r.end, newText: last.newText + text.slice(last.end, r.start) + r.newText };
    else merged.push(r);
  }
  return merged;
}
