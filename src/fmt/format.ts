/**
 * `soplint fmt`: the canonical layout of a .sop file, computed line by line from the lexer's tokens
 * so that nothing is lost: label spellings canonical, identity fields at column 0, list items
 * `  - item`, an aligned `Pelaksana:` table, steps indented 2 with their fields at the Kegiatan's
 * column in a fixed order, overlong prose wrapped at a width. Comments stay before the line they
 * stand before. Lines are never joined, only re-indented or split, so the result is a fixed point.
 */
import type { IToken } from 'chevrotain';
import { BLOCK_LABELS, IDENTITY_LABELS, STEP_FIELD_LABELS } from '../syntax/labels.js';
import { tokenize } from '../syntax/lexer.js';

export const DEFAULT_FMT_WIDTH = 100;

export interface FormatOptions {
  /** Prose is wrapped at this column (default 100). */
  width?: number;
}

/** The order of a step's fields in the canonical layout. */
const FIELD_ORDER = ['kelengkapan', 'waktu', 'output', 'keterangan', 'catatan', 'keputusan', 'lanjut', 'simbol'];

const CANONICAL = new Map<string, string>([...IDENTITY_LABELS, ...STEP_FIELD_LABELS, ...BLOCK_LABELS].map((l) => [l.key, l.canonical]));
const IDENTITY_KEYS = new Set<string>(IDENTITY_LABELS.map((l) => l.key));
const STEP_KEYS = new Set<string>([...STEP_FIELD_LABELS.map((l) => l.key), 'keputusan', 'lanjut']);
const IN_STEP = new Map<string, string>(IDENTITY_LABELS.filter((l) => l.inStep).map((l) => [l.key, l.inStep!]));

type Kind = 'blank' | 'comment' | 'structure' | 'step' | 'field' | 'other' | 'actor';

interface Line {
  kind: Kind;
  indent: number;
  text: string;
  /** Where the text may be split (offset in text); undefined: never wrapped. */
  breakFrom?: number;
  /** Indent of the lines a split produces. */
  contIndent: number;
  /** More text for the line above. */
  continuation?: boolean;
  /** The field key, for ordering inside a step. */
  field?: string;
  /** Actor rows: the id and the label, aligned per block. */
  actor?: { id: string; label: string; block: number };
}

function labelKey(token: IToken): string | undefined {
  const name = token.tokenType.name;
  return name.startsWith('Label_') ? name.slice('Label_'.length) : undefined;
}

/** A line break that the lexer would read as the start of something other than more text. */
function startsSomethingElse(chunk: string): boolean {
  if (/^\s*#/.test(chunk)) return true;
  const first = tokenize(chunk).tokens[0];
  return first !== undefined && first.tokenType.name !== 'ContinuationText';
}

/**
 * Starts of a line of text that the parser looks at a second time (src/ast/stray-lines.ts and
 * label-suggestions.ts): a label shape or a mistyped label (`Hasil: ...`, `Kelengkapn: ...`), an
 * actor column (`kabid = ...`, `kasubbid pe = ...`, `jfu - JFU`), a step whose number does not lex
 * (`2) [a]`, `x. [a]`, `2 [a]`), an exit arrow. Kept wider than the parser's own tests on purpose:
 * a line is left unwrapped sooner than read differently.
 */
const READ_TWICE = [
  // A word and up to three more, then a colon: a label shape ("Hasil:", "Ruang lingkup kegiatan:").
  /^[^\s:]*[A-Za-z][^\s:]*(?:[ \t]+[^\s:]+){0,3}[ \t]*:/,
  // Any number of plain words, then `=` (an actor column with spaces in its id).
  /^[A-Za-z_][\w.&-]*(?:[ \t]+[\w.&-]+)*[ \t]*=/,
  // "No. Urut:", a capital word then a colon within a few words (LABEL_SHAPE, LABEL_LIKE).
  /^[A-Za-z][A-Za-z./ \t]{0,40}?:/,
  // A first word with a digit and a dot or a bracket: a step number that does not lex ("2.", "2)", "7a.").
  /^\S*\d\S*[.):]/,
  // Something that ends in `[`, `)` or `.` and then an actor list: a step ("x. [a]", "2 [a]", "[a]").
  /^(?:\S{0,5}[ \t]*)?\[/,
  // A list dash or an arrow, glued or not.
  /^(?:-|\u2013|\u2014|->|\u2192|=)/,
];

/** Whether a line of more text that starts with `text` is read as more text, and only that. */
export function startsPlainText(text: string): boolean {
  const t = text.trimStart();
  return t !== '' && !startsSomethingElse(t) && !READ_TWICE.some((r) => r.test(t));
}

/** Where an overlong line is split: the last single space before the width after which the rest reads as more text. */
function cutPoint(line: Line, width: number): number {
  if (line.breakFrom === undefined || line.indent + line.text.length <= width) return -1;
  // A line the parser reads twice keeps its words together (its continuation lines would change owner).
  if (line.continuation && !startsPlainText(line.text)) return -1;
  const t = line.text;
  for (let i = Math.min(t.length - 1, width - line.indent); i > line.breakFrom; i--) {
    if (t[i] === ' ' && t[i - 1] !== ' ' && t[i + 1] !== ' ' && t[i + 1] !== undefined && startsPlainText(t.slice(i + 1))) return i;
  }
  return -1;
}

/**
 * Whether a `# soplint-disable-next-line` comment stands above line i: it covers that one line (a
 * step's whole text), so words moved to a new line below would leave its cover.
 */
function suppressedAlone(lines: Line[], i: number): boolean {
  for (let j = i - 1; j >= 0 && (lines[j].kind === 'blank' || lines[j].kind === 'comment'); j--) {
    if (lines[j].kind === 'comment' && /soplint-disable-next-line/.test(lines[j].text)) return true;
  }
  return false;
}

/**
 * Wraps overlong lines: the words past the width go to the start of the next line of the same text
 * (which may overflow in turn), or to a new line. Lines are never joined, so a second pass finds
 * nothing to do.
 */
function wrapAll(lines: Line[], width: number): Line[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const line = out[i];
    const cut = line.kind === 'step' || !suppressedAlone(out, i) ? cutPoint(line, width) : -1;
    if (cut < 0) continue;
    const overflow = line.text.slice(cut + 1);
    out[i] = { ...line, text: line.text.slice(0, cut) };
    const next = out[i + 1];
    if (next?.continuation && next.indent === line.contIndent && startsPlainText(next.text)) {
      out[i + 1] = { ...next, text: `${overflow} ${next.text}` };
    } else {
      out.splice(i + 1, 0, { kind: 'other', indent: line.contIndent, text: overflow, breakFrom: 0, contIndent: line.contIndent, continuation: true });
    }
  }
  return out;
}

/** Moves each step's fields (with the comments and blank lines above them) into the canonical order. */
function orderFields(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].kind !== 'step') {
      out.push(lines[i++]);
      continue;
    }
    // The step runs to the next structural line or step, less the comments and blanks just above it.
    let end = i + 1;
    while (end < lines.length && lines[end].kind !== 'step' && lines[end].kind !== 'structure') end++;
    while (end > i + 1 && (lines[end - 1].kind === 'comment' || lines[end - 1].kind === 'blank') && end < lines.length) end--;
    const body = lines.slice(i, end);
    const head: Line[] = [];
    const segments: Line[][] = [];
    let pending: Line[] = [];
    let current: Line[] | undefined;
    for (const line of body) {
      if (line.kind === 'comment' || line.kind === 'blank') {
        pending.push(line);
      } else if (line.kind === 'field') {
        current = [...pending, line];
        pending = [];
        segments.push(current);
      } else {
        (current ?? head).push(...pending, line);
        pending = [];
      }
    }
    const rank = (segment: Line[]) => FIELD_ORDER.indexOf(segment.find((l) => l.kind === 'field')!.field!);
    const sorted = segments.map((s, n) => ({ s, n })).sort((a, b) => rank(a.s) - rank(b.s) || a.n - b.n);
    out.push(...head, ...sorted.flatMap((x) => x.s), ...pending);
    i = end;
  }
  return out;
}

export function formatSop(input: string, options: FormatOptions = {}): string {
  const width = options.width ?? DEFAULT_FMT_WIDTH;
  const bom = input.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = bom ? input.slice(1) : input;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const rawLines = text.split(/\r\n|\r|\n/);
  if (rawLines.length && rawLines[rawLines.length - 1] === '') rawLines.pop();
  const lexed = tokenize(text);
  const lineStarts: number[] = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const byLine = new Map<number, IToken[]>();
  for (const t of [...lexed.tokens, ...(lexed.groups.comments ?? [])]) {
    if (t.tokenType.name === 'LineEnd') continue;
    const n = lineOf(t.startOffset);
    byLine.set(n, [...(byLine.get(n) ?? []), t]);
  }

  const lines: Line[] = [];
  let place: 'identity' | 'actors' | 'procedure' = 'identity';
  let step: { fieldIndent: number; numberColumn: number; openList: boolean } | undefined;
  let cont = 2;
  let block = 0;
  for (let n = 0; n < rawLines.length; n++) {
    const raw = rawLines[n];
    const tokens = (byLine.get(n) ?? []).sort((a, b) => a.startOffset - b.startOffset);
    const first = tokens[0];
    if (raw.trim() === '' || !first) {
      lines.push({ kind: 'blank', indent: 0, text: '', contIndent: 0 });
      continue;
    }
    const lineStart = lineStarts[n];
    const afterFirst = raw.slice(first.startOffset + first.image.length - lineStart).trim();
    const name = first.tokenType.name;
    const key = labelKey(first);
    if (name === 'Comment') {
      lines.push({ kind: 'comment', indent: 0, text: raw.trim(), contIndent: 0 });
      continue;
    }
    const label = (k: string, indent: number, kind: Kind, c: number, wrappable: boolean): Line => {
      const canonical = CANONICAL.get(k)!;
      const prefix = `${canonical}:`;
      return {
        kind,
        indent,
        text: afterFirst ? `${prefix} ${afterFirst}` : prefix,
        breakFrom: wrappable ? prefix.length + 1 : undefined,
        contIndent: c,
        field: kind === 'field' ? (IN_STEP.get(k) ?? k) : undefined,
      };
    };
    if (key !== undefined && step && (STEP_KEYS.has(key) || IN_STEP.has(key))) {
      const wrappable = key !== 'keputusan' && key !== 'lanjut';
      const field = IN_STEP.get(key) ?? key;
      // An empty Kelengkapan or Output (the last field) takes numbered lines deeper than the step's number as items.
      step.openList = (field === 'kelengkapan' || field === 'output') && !afterFirst;
      cont = step.fieldIndent + 2;
      lines.push(label(key, step.fieldIndent, 'field', cont, wrappable));
    } else if (key === 'prosedur' || key === 'pelaksana') {
      place = key === 'prosedur' ? 'procedure' : 'actors';
      if (key === 'pelaksana') block++;
      step = undefined;
      cont = 2;
      lines.push(label(key, 0, 'structure', cont, key === 'prosedur'));
    } else if (key === 'hilang') {
      step = undefined;
      cont = 4;
      lines.push(label(key, 2, 'structure', cont, false));
    } else if (key !== undefined && IDENTITY_KEYS.has(key)) {
      place = 'identity';
      step = undefined;
      cont = 2;
      lines.push(label(key, 0, 'structure', cont, true));
    } else if (key !== undefined) {
      // A step field outside a step: the parser reports it; keep it at the step level.
      cont = 4;
      lines.push(label(key, 2, 'other', cont, false));
    } else if (name === 'StepNumber') {
      const column = first.startOffset - lineStart;
      const number = first.image;
      if (place === 'identity' || (step?.openList && column > step.numberColumn)) {
        // An item of a numbered list (under an identity field, or under an empty step field).
        const indent = step ? step.fieldIndent + 2 : 2;
        cont = indent + number.length + 1;
        lines.push({ kind: 'other', indent, text: `${number} ${afterFirst}`, breakFrom: number.length + 1, contIndent: cont });
      } else {
        place = 'procedure';
        const fieldIndent = 2 + number.length + 1;
        step = { fieldIndent, numberColumn: column, openList: false };
        const actors = tokens.find((t) => t.tokenType.name === 'ActorList');
        const value = tokens.find((t) => t.tokenType.name === 'ValueText');
        // The Kegiatan's text column: after `N. [actors] ` as written (the rest of the line is kept).
        const restStart = tokens[1]?.startOffset ?? first.startOffset + first.image.length;
        const textOffset = value ? value.startOffset - restStart : actors ? actors.startOffset + actors.image.length + 1 - restStart : 0;
        cont = fieldIndent + textOffset;
        lines.push({ kind: 'step', indent: 2, text: `${number} ${afterFirst}`, breakFrom: number.length + 1 + textOffset, contIndent: cont });
      }
    } else if (name === 'ListDash') {
      const indent = step ? step.fieldIndent + 2 : 2;
      cont = indent + 2;
      lines.push({ kind: 'other', indent, text: afterFirst ? `- ${afterFirst}` : '-', breakFrom: 2, contIndent: cont });
    } else if (name === 'ActorDecl' && place === 'actors') {
      const id = first.image.replace(/[ \t]*=$/, '');
      cont = 4;
      lines.push({ kind: 'actor', indent: 2, text: '', contIndent: cont, actor: { id, label: afterFirst, block } });
    } else {
      // More text for the line above (not wrapped among actor columns, where a line's shape decides what it is).
      const breakFrom = place === 'actors' ? undefined : 0;
      lines.push({ kind: 'other', indent: cont, text: raw.trim(), breakFrom, contIndent: cont, continuation: true });
    }
  }

  // Align each Pelaksana table's `=`.
  const idWidth = new Map<number, number>();
  for (const l of lines) if (l.actor) idWidth.set(l.actor.block, Math.max(idWidth.get(l.actor.block) ?? 0, l.actor.id.length));
  for (const l of lines) {
    if (!l.actor) continue;
    const w = idWidth.get(l.actor.block)!;
    l.text = `${l.actor.id.padEnd(w)} =${l.actor.label ? ' ' + l.actor.label : ''}`;
  }

  let ordered = wrapAll(orderFields(lines), width);
  // Comments take the indent of the line they stand before.
  for (let i = ordered.length - 1, next = 0; i >= 0; i--) {
    const l = ordered[i];
    if (l.kind === 'comment') l.indent = next;
    else if (l.kind !== 'blank') next = l.indent;
  }
  // At most one blank line in a row; none at the start or the end.
  ordered = ordered.filter((l, i) => l.kind !== 'blank' || (i > 0 && ordered[i - 1].kind !== 'blank'));
  while (ordered.length && ordered[0].kind === 'blank') ordered.shift();
  while (ordered.length && ordered[ordered.length - 1].kind === 'blank') ordered.pop();
  const body = ordered.map((l) => (l.kind === 'blank' ? '' : ' '.repeat(l.indent) + l.text)).join(eol);
  return bom + (body ? body + eol : '');
}
