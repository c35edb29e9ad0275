/** A source text with a line index: the AST keeps offsets; lines and columns are computed here. */

export interface Span {
  /** Offset of the first character (UTF-16 code units, as JavaScript strings count). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based; a tab counts as one column. */
  column: number;
}

/** The offset where the line holding `offset` ends (before its line break), or the text's end. */
export function lineEndOf(text: string, offset: number): number {
  const end = text.slice(offset).search(/\r|\n/);
  return end < 0 ? text.length : offset + end;
}

export class SourceFile {
  private readonly lineStarts: number[];

  constructor(
    /** Repo-relative path with POSIX slashes, as findings print it. */
    public readonly path: string,
    public readonly text: string,
  ) {
    this.lineStarts = text.includes('\r') ? lineStartsWithCarriageReturns(text) : lineStartsOfNewlines(text);
    // A byte order mark is no column: editors count line 1 from the character after it.
    if (text.charCodeAt(0) === 0xfeff) this.lineStarts[0] = 1;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: Math.max(1, clamped - this.lineStarts[low] + 1) };
  }

  /** The text of a 1-based line, without its line end. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/** Line starts of a text whose lines end in '\n' only: indexOf scans far faster than a loop. */
function lineStartsOfNewlines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line starts where lines may also end in '\r\n' or a lone '\r'. */
function lineStartsWithCarriageReturns(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) starts.push(i + 1);
    else if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
