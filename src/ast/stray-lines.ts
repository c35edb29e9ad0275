/**
 * Lines that stand where they cannot: a step field before any step, a step before any procedure, a
 * list item under no label, text under no label (often a mistyped label: "Kelengkapn: ..."). Each
 * gets a plain-language finding; the rest of the file is still read.
 */
import type { IToken, TokenType } from 'chevrotain';
import { localized } from '../diagnostics/diagnostic.js';
import { lineEndOf, type SourceFile } from '../diagnostics/source.js';
import type { StrayNode } from '../syntax/syntax-tree.js';
import { nodeSpan } from './spans.js';
import { labelShaped, labelsAllowedAt, suggestLabel, type LabelPlace, type UnknownLabel } from './label-suggestions.js';
import { SYNTAX, type Report } from './syntax-findings.js';
import { IDENTITY_LABELS, STEP_FIELD_LABELS } from '../syntax/labels.js';

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

/**
 * "2) [staf] ...", "2 [staf] ...", "x. [kabid] ...": a line that looks like a step whose number does
 * not lex as one is reported (with the line to write when the number is one). Whether it was.
 */
function reportStepLike(text: string, start: number, report: Report, readAs: 'continuation' | 'nothing'): boolean {
  const [readId, readEn] =
    readAs === 'continuation'
      ? ['baris ini dibaca sebagai lanjutan teks di atasnya', 'it is read as more text for the line above']
      : ['baris ini tidak dibaca sebagai langkah', 'it is not read as a step'];
  const step = STEP_LIKE.exec(text);
  const withoutDot = step ? null : NUMBER_WITHOUT_DOT.exec(text);
  if (withoutDot) {
    // "2 [staf] ...": the dot after the number is missing.
    report(
      { start, end: start + withoutDot[1].length },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah ${withoutDot[1]}, tetapi titik sesudah nomornya tidak ada; ${readId}.`,
        `This line looks like step ${withoutDot[1]}, but the dot after its number is missing; ${readEn}.`,
      ),
      localized(`tulis '${withoutDot[1]}. [' di awal baris`, `write '${withoutDot[1]}. [' at the start of the line`),
      { span: { start, end: start + withoutDot[1].length }, text: `${withoutDot[1]}.` },
    );
  } else if (step && /^\d+$/.test(step[1]) && step[2] === '.') {
    // "2.[staf] ...": the number is right, the space after its dot is missing.
    report(
      { start, end: start + step[1].length + 1 },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah ${step[1]}, tetapi sesudah '${step[1]}.' tidak ada spasi; ${readId}.`,
        `This line looks like step ${step[1]}, but there is no space after '${step[1]}.'; ${readEn}.`,
      ),
      localized(`tulis '${step[1]}. [' di awal baris`, `write '${step[1]}. [' at the start of the line`),
      { span: { start: start + step[1].length + 1, end: start + step[1].length + 1 }, text: ' ' },
    );
  } else if (step && /^\d+$/.test(step[1])) {
    // "2) [staf] ...", "2: [staf] ...": a number, but not written as a step number.
    report(
      { start, end: start + step[1].length + 1 },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah ${step[1]}, tetapi nomor langkah ditulis '${step[1]}.', bukan '${step[1]}${step[2]}'; ${readId}.`,
        `This line looks like step ${step[1]}, but a step number is written '${step[1]}.', not '${step[1]}${step[2]}'; ${readEn}.`,
      ),
      localized(`tulis '${step[1]}. [' di awal baris`, `write '${step[1]}. [' at the start of the line`),
      { span: { start: start + step[1].length, end: start + step[1].length + 1 }, text: '.' },
    );
  } else if (step) {
    report(
      { start, end: start + step[1].length + 1 },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah, tetapi '${step[1]}' bukan nomor langkah; ${readId}.`,
        `This line looks like a step, but '${step[1]}' is not a step number; ${readEn}.`,
      ),
      localized(
        "tulis nomornya dengan angka, mis. '7. [kasubbid] ...', atau '?.' bila sumber tidak memberi nomor",
        "write the number in digits, e.g. '7. [kasubbid] ...', or '?.' when the source gives no number",
      ),
    );
  }
  return step !== null || withoutDot !== null;
}

/** "Kelengkapn:" → "Kelengkapan:": the label as written, colon included, replaced by the one meant. */
function labelFix(unknown: UnknownLabelLine): { span: { start: number; end: number }; text: string } | undefined {
  if (!unknown.suggestion) return undefined;
  return { span: { start: unknown.start, end: unknown.start + unknown.length }, text: `${unknown.suggestion}:` };
}

function unknownLabelHint(unknown: UnknownLabelLine) {
  const allowed = labelsAllowedAt(unknown.place).join(', ');
  const where =
    unknown.place === 'step'
      ? ['di bawah langkah', 'under a step']
      : unknown.place === 'procedure'
        ? ["di dalam prosedur, selain langkah '3. [id] ...'", "in a procedure, besides steps '3. [id] ...'"]
        : ['di lembar identitas', 'on the identity sheet'];
  if (unknown.suggestion) {
    return localized(
      `maksudnya '${unknown.suggestion}:'? (label ${where[0]}: ${allowed})`,
      `did you mean '${unknown.suggestion}:'? (labels ${where[1]}: ${allowed})`,
    );
  }
  return localized(
    `label ${where[0]}: ${allowed}; bila ini lanjutan teks di atasnya, tulis lebih menjorok dari labelnya`,
    `labels ${where[1]}: ${allowed}; if it is more text for the line above, indent it deeper than the labels`,
  );
}

/** A line read as an unknown label, by the offset of its token. */
export type UnknownLabels = Map<number, UnknownLabelLine>;

export interface UnknownLabelLine extends UnknownLabel {
  /** Offset of the label's first character. */
  start: number;
  column: number;
  place: LabelPlace;
  /** The token offsets of the line and of its own deeper continuation lines: none of them is read. */
  lines: number[];
}

const IDENTITY_KEYS = new Set<string>(IDENTITY_LABELS.map((l) => l.key));
const STEP_KEYS = new Set<string>([...STEP_FIELD_LABELS.map((l) => l.key), 'keputusan']);
/** The text above ends mid-sentence: the next line continues it, whatever its shape. */
const MID_SENTENCE =
  /(?:[,;:(/\u2013-]|(?:^|[\s(])(?:dan|atau|serta|kepada|untuk|yang|dengan|ke|di|dari|oleh|bahwa|yaitu|adalah|sebagai|berupa|antara|pada|dalam|bagi|tentang|melalui|agar|jika|apabila|bila|sesuai))$/i;

/**
 * Every continuation line that is an unknown label: a mistyped label wherever it stands, and a line
 * shaped like a label ("Hasil: ...") at a label position: at the indentation of the labels around it
 * (or shallower), not continuing a sentence that the line above leaves open, and not among actor
 * columns. Text continuing a field is written deeper than its label, or follows an open sentence.
 */
export function findUnknownLabels(tokens: IToken[], source: SourceFile): UnknownLabels {
  const found: UnknownLabels = new Map();
  const columnOf = (offset: number) => source.positionAt(offset).column;
  let place: LabelPlace | 'actors' = 'identity';
  /** The column of the labels around; undefined where nothing can be continued (a stray line). */
  let labelColumn: number | undefined;
  let continues = false;
  let inStep = false;
  let textAbove = '';
  let current: UnknownLabelLine | undefined;
  let firstStepFieldColumn: number | undefined;
  for (const t of tokens) {
    const key = labelKey(t);
    if (key && STEP_KEYS.has(key)) {
      firstStepFieldColumn = columnOf(t.startOffset);
      break;
    }
  }
  tokens.forEach((token, index) => {
    const name = token.tokenType.name;
    // The list items under an unknown label are its own: not read either.
    if (current && name === 'ListDash') {
      current.lines.push(token.startOffset);
      return;
    }
    if (current && name === 'ValueText' && current.lines.length > 1) return;
    if (name !== 'ContinuationText') current = undefined;
    const key = labelKey(token);
    if (key !== undefined) {
      const column = columnOf(token.startOffset);
      textAbove = '';
      if (key === 'prosedur') [place, labelColumn, continues, inStep] = ['procedure', column, true, false];
      else if (key === 'pelaksana') [place, labelColumn, continues, inStep] = ['actors', column, true, false];
      else if (key === 'hilang') [place, labelColumn, continues] = ['procedure', column, false];
      else if (key === 'keputusan') [place, labelColumn, continues] = ['step', column, false];
      else if (STEP_KEYS.has(key) || (inStep && !IDENTITY_KEYS.has(key)) || (inStep && IDENTITY_LABELS.some((l) => l.key === key && l.inStep)))
        [place, labelColumn, continues] = ['step', column, true];
      else [place, labelColumn, continues, inStep] = ['identity', column, true, false];
      return;
    }
    switch (name) {
      case 'StepNumber':
        [place, continues, inStep, textAbove] = ['step', true, true, ''];
        labelColumn = stepFieldColumn(tokens, index, columnOf) ?? firstStepFieldColumn ?? columnOf(token.startOffset) + token.image.length + 1;
        return;
      case 'ActorDecl':
        [place, continues, textAbove] = ['actors', true, ''];
        return;
      case 'ListDash':
        textAbove = '';
        return;
      case 'ValueText':
        textAbove = token.image.trim();
        return;
      case 'ContinuationText':
        break;
      default:
        return;
    }
    const text = token.image.trim();
    const start = token.startOffset + token.image.length - token.image.trimStart().length;
    const column = columnOf(start);
    if (current && column > current.column) {
      current.lines.push(token.startOffset);
      return;
    }
    current = undefined;
    const atLabelPosition = !continues || labelColumn === undefined || column <= labelColumn;
    const openSentence = continues && MID_SENTENCE.test(textAbove);
    const shaped = place !== 'actors' && atLabelPosition && !openSentence ? labelShaped(text, place) : undefined;
    const mistyped = shaped ? undefined : suggestLabel(text);
    textAbove = text;
    if (!shaped && !mistyped) return;
    const unknown: UnknownLabel = shaped ?? { written: mistyped!.written, length: mistyped!.length, suggestion: mistyped!.label };
    current = { ...unknown, start, column, place: place === 'actors' ? 'identity' : place, lines: [token.startOffset] };
    found.set(token.startOffset, current);
  });
  return found;
}

const labelKeys = new Map<TokenType, string | undefined>();

/** The key of a label token ('Label_waktu' → 'waktu'), else undefined. */
function labelKey(token: IToken): string | undefined {
  const type = token.tokenType;
  let key = labelKeys.get(type);
  if (key === undefined && !labelKeys.has(type)) {
    key = type.name.startsWith('Label_') ? type.name.slice('Label_'.length) : undefined;
    labelKeys.set(type, key);
  }
  return key;
}

/** The column of the first field label of the step whose number is at `index`, if it has one. */
function stepFieldColumn(tokens: IToken[], index: number, columnOf: (offset: number) => number): number | undefined {
  for (let i = index + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType.name === 'StepNumber') return undefined;
    const key = labelKey(t);
    if (key === undefined) continue;
    if (STEP_KEYS.has(key) || IDENTITY_LABELS.some((l) => l.key === key && l.inStep)) return columnOf(t.startOffset);
    return undefined;
  }
  return undefined;
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

/** "x. [kabid] ...", "7a. [jfu] ...", "2) [jfu] ...": a step line whose number does not lex as one. */
const STEP_LIKE = /^(\S{1,5}?)([.):])[ \t]*\[/;
/** "2 [jfu] ...": a step number without its dot. */
const NUMBER_WITHOUT_DOT = /^(\d{1,4})[ \t]+\[/;

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
