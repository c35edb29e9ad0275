/**
 * Lines that stand where they cannot: a step field before any step, a step before any procedure, a
 * list item under no label, text under no label (often a mistyped label: "Kelengkapn: ..."). Each
 * gets a plain-language finding; the rest of the file is still read.
 */
import type { IToken } from 'chevrotain';
import { localized } from '../diagnostics/diagnostic.js';
import { lineEndOf, type SourceFile } from '../diagnostics/source.js';
import type { StrayNode } from '../syntax/syntax-tree.js';
import { nodeSpan } from './spans.js';
import { SYNTAX, type Report } from './syntax-findings.js';
import { reportStepLike } from './step-like-lines.js';
import { labelFix, unknownLabelHint, type UnknownLabels } from './unknown-labels.js';

const MISPLACED_LINE = SYNTAX.misplaced;
const UNKNOWN_LABEL = SYNTAX.unknownLabel;

/** What a stray line was reported as, where later findings may only follow from it. */
export type StrayKind = 'step-like' | 'step-field' | undefined;

export function reportStrayLine(node: StrayNode, source: SourceFile, report: Report, unknownLabels: UnknownLabels = new Map()): StrayKind {
  const line = node.line;
  const span = nodeSpan(node);
  const firstLine = { start: span.start, end: Math.min(span.end, lineEndOf(source.text, span.start)) };
  switch (line?.kind) {
    case 'step':
      report(
        firstLine,
        MISPLACED_LINE,
        localized('Langkah ini berada di luar prosedur.', 'This step is outside any procedure.'),
        localized("tambahkan baris 'Prosedur: <judul>' di atasnya", "add a line 'Prosedur: <title>' above it"),
      );
      break;
    case 'stepField':
    case 'decision':
    case 'next': {
      const label = line.label!.image.replace(/\s*:$/, '');
      report(
        firstLine,
        MISPLACED_LINE,
        localized(`'${label}:' harus berada di bawah sebuah langkah.`, `'${label}:' must belong to a step.`),
        localized("tulis di bawah baris langkah seperti '3. [kasubbid] Memeriksa ...'", "put it under a step line such as '3. [kasubbid] Memeriksa ...'"),
      );
      return 'step-field';
    }
    case 'missingSteps':
      report(
        firstLine,
        MISPLACED_LINE,
        localized("'Hilang:' harus berada di dalam sebuah prosedur.", "'Hilang:' must be inside a procedure."),
        localized("tulis di bawah baris 'Prosedur: <judul>'", "put it under a 'Prosedur: <title>' line"),
      );
      break;
    case 'listItem':
      report(
        firstLine,
        MISPLACED_LINE,
        localized('Butir daftar ini tidak berada di bawah kolom apa pun.', 'This list item does not belong to any field.'),
        localized("tulis di bawah label seperti 'Dasar Hukum:'", "put it under a label such as 'Dasar Hukum:'"),
      );
      break;
    case 'actorDeclaration':
      report(
        firstLine,
        MISPLACED_LINE,
        localized("Kolom pelaksana ini berada di luar blok 'Pelaksana:'.", "This actor column is outside a 'Pelaksana:' block."),
        localized("tulis 'Pelaksana:' di atasnya, tepat di bawah 'Prosedur:'", "write 'Pelaksana:' above it, right under 'Prosedur:'"),
      );
      break;
    case 'continuation': {
      const raw = source.text.slice(span.start, span.end);
      const text = raw.trim();
      // The line's text without its indentation, where a fix rewrites it.
      const start = span.start + raw.length - raw.trimStart().length;
      const unknown = unknownLabels.get(span.start);
      const actor = underActorColumns(source.text, span.start) ? ACTOR_COLUMN_LIKE.exec(text) : null;
      if (!unknown && !actor && reportStepLike(text, start, report, 'nothing')) return 'step-like';
      if (unknown) {
        report(
          firstLine,
          UNKNOWN_LABEL,
          localized(`Label '${unknown.written}:' tidak dikenal.`, `Unknown label '${unknown.written}:'.`),
          unknownLabelHint(unknown),
          labelFix(unknown),
        );
      } else if (actor) {
        // "kabid: Kabid PMKS", "jfu - JFU Subbid" under 'Pelaksana:'.
        const written = `${actorId(actor[1])} = ${actor[2]}`;
        report(
          firstLine,
          MISPLACED_LINE,
          localized(
            `Kolom pelaksana ditulis 'id = label', ditemukan '${truncate(text)}'.`,
            `An actor column is written 'id = label'; found '${truncate(text)}'.`,
          ),
          localized(`tulis '${written}'`, `write '${written}'`),
          text.includes('\n') ? undefined : { span: { start, end: start + text.length }, text: written },
        );
      } else {
        report(
          firstLine,
          MISPLACED_LINE,
          localized(`Teks '${truncate(text)}' tidak berada di bawah label apa pun.`, `The text '${truncate(text)}' does not belong to any label.`),
          localized(
            "awali dengan label seperti 'Judul SOP:' atau jadikan komentar dengan '#'",
            "start it with a label such as 'Judul SOP:' or make it a comment with '#'",
          ),
        );
      }
      break;
    }
  }
  return undefined;
}

/**
 * A continuation line that looks like a mistyped label ("Kelengkapn: ...") or like a step whose
 * number is not one ("x. [kabid] ...") is reported: it would silently lengthen the text above it.
 */
export function reportSuspiciousContinuations(
  tokens: IToken[],
  unknownLabels: UnknownLabels,
  alreadyReported: (offset: number) => boolean,
  report: Report,
): number[] {
  /** Offsets of the lines reported as steps whose number did not lex: the fields below them follow. */
  const stepLike: number[] = [];
  const ownLines = new Set([...unknownLabels.values()].flatMap((u) => u.lines.slice(1)));
  for (const token of tokens) {
    if (token.tokenType.name !== 'ContinuationText' || alreadyReported(token.startOffset) || ownLines.has(token.startOffset)) continue;
    const text = token.image.trim();
    const start = token.startOffset + token.image.length - token.image.trimStart().length;
    const unknown = unknownLabels.get(token.startOffset);
    if (unknown) {
      const lines =
        unknown.lines.length > 1
          ? ['baris ini dan lanjutannya tidak dibaca', 'neither it nor its continuation lines are read']
          : ['baris ini tidak dibaca', 'this line is not read'];
      report(
        { start, end: start + unknown.written.length + 1 },
        UNKNOWN_LABEL,
        unknown.suggestion
          ? localized(`Label '${unknown.written}:' tidak dikenal; ${lines[0]}.`, `Unknown label '${unknown.written}:'; ${lines[1]}.`)
          : localized(`'${unknown.written}:' bukan label bahasa SOP; ${lines[0]}.`, `'${unknown.written}:' is not a label of the language; ${lines[1]}.`),
        unknownLabelHint(unknown),
        labelFix(unknown),
      );
      continue;
    }
    const spacedId = SPACED_ACTOR_ID.exec(text);
    if (spacedId) {
      // "kasubbid pe = Kasubbid PE" would silently lengthen the label of the column above it.
      report(
        { start, end: start + spacedId[1].length },
        MISPLACED_LINE,
        localized(
          `Baris ini tampak seperti kolom pelaksana, tetapi id '${spacedId[1]}' berisi spasi; baris ini dibaca sebagai lanjutan teks di atasnya.`,
          `This line looks like an actor column, but the id '${spacedId[1]}' has a space in it; it is read as more text for the line above.`,
        ),
        localized(
          `tulis id sebagai satu kata: '${actorId(spacedId[1])} = ${spacedId[2]}'`,
          `write the id as one word: '${actorId(spacedId[1])} = ${spacedId[2]}'`,
        ),
        { span: { start, end: start + spacedId[1].length }, text: actorId(spacedId[1]) },
      );
      continue;
    }
    if (reportStepLike(text, start, report, 'continuation')) stepLike.push(start);
  }
  return stepLike;
}

/** "kasubbid pe = Kasubbid PE": an actor column whose id is more than one word. */
const SPACED_ACTOR_ID = /^([A-Za-z_][\w.&-]*(?:[ \t]+[\w.&-]+)+)[ \t]*=(?!=)[ \t]*(\S.*)$/;
/** "kabid: Kabid PMKS", "jfu - JFU Subbid", "kasubbid pe = ...": an actor column written another way. */
const ACTOR_COLUMN_LIKE = /^([A-Za-z_][\w.&-]*(?:[ \t]+[\w.&-]+)*?)[ \t]*(?:=|:|[ \t]-[ \t]|[ \t]\u2013[ \t])[ \t]*(\S.*)$/;
/** The lines that open or continue a block of actor columns: 'Pelaksana:' or an actor column. */
const AFTER_ACTOR_COLUMNS = /^[ \t]*(?:Pelaksana[ \t]*:|[A-Za-z_][\w.&-]*[ \t]*=)/i;

/** An id as the grammar takes it: one word, spaces turned into '-'. */
const actorId = (written: string) => written.trim().replace(/[ \t]+/g, '-');

/**
 * Whether the line at `offset` stands in a 'Pelaksana:' block: above it, past blank lines, comments and
 * other indented lines that look like actor columns, is 'Pelaksana:' or an actor column.
 */
function underActorColumns(text: string, offset: number): boolean {
  let end = text.lastIndexOf('\n', offset - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (AFTER_ACTOR_COLUMNS.test(line)) return true;
    if (!/^[ \t]/.test(line) || !ACTOR_COLUMN_LIKE.test(line.trim())) return false;
  }
  return false;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
