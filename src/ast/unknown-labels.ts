/**
 * Unknown labels: a continuation line that is a mistyped label ("Kelengkapn: ...") or a line shaped
 * like a label ("Hasil: ...") where a label stands. Found from the tokens before the tree is read (the
 * builder leaves their lines out of the text above), reported with the labels allowed there.
 */
import type { IToken, TokenType } from 'chevrotain';
import { localized } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source.js';
import { IDENTITY_LABELS, STEP_FIELD_LABELS } from '../syntax/labels.js';
import { labelShaped, labelsAllowedAt, suggestLabel, type LabelPlace, type UnknownLabel } from './label-suggestions.js';

/** "Kelengkapn:" → "Kelengkapan:": the label as written, colon included, replaced by the one meant. */
export function labelFix(unknown: UnknownLabelLine): { span: { start: number; end: number }; text: string } | undefined {
  if (!unknown.suggestion) return undefined;
  return { span: { start: unknown.start, end: unknown.start + unknown.length }, text: `${unknown.suggestion}:` };
}

export function unknownLabelHint(unknown: UnknownLabelLine) {
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
