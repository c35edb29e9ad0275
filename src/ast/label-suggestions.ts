/**
 * Lines that start like a label but are not one of the language's: a mistyped label ("Kelengkapn:
 * ...", suggested wherever it stands) and, at a label position, any line shaped like a label
 * ("Hasil: ...", "Sasaran: ..."). What a label position is, is decided in unknown-labels.ts.
 */
import { allLabelSpellings, BLOCK_LABELS, IDENTITY_LABELS, STEP_FIELD_LABELS, type LabelSpec } from '../syntax/labels.js';
import { closest } from '../util/similarity.js';

const LABEL_LIKE = /^([A-Za-z][A-Za-z./ ]{1,34}?)[ \t]*:/;

export interface LabelSuggestion {
  written: string;
  label: string;
  /** Length of the label as written in the line, up to and including its colon. */
  length: number;
}

export function suggestLabel(line: string, candidates: string[] = allLabelSpellings()): LabelSuggestion | undefined {
  const match = LABEL_LIKE.exec(line);
  if (!match) return undefined;
  const written = match[1].trim();
  const label = closest(written, candidates, 0.25);
  return label ? { written, label, length: match[0].length } : undefined;
}

/** Where a line stands: among the identity fields, among a step's fields, or in a procedure between steps. */
export type LabelPlace = 'identity' | 'step' | 'procedure';

const spellings = (specs: LabelSpec<string>[]) => specs.flatMap((l) => [l.canonical, ...l.aliases]);
const block = (key: string) => BLOCK_LABELS.filter((b) => b.key === key);

/** The labels that may stand at each place, canonical spelling first, as the hint lists them. */
const PLACE_LABELS: Record<LabelPlace, LabelSpec<string>[]> = {
  identity: [...IDENTITY_LABELS, ...block('prosedur'), ...block('pelaksana')],
  step: [
    ...STEP_FIELD_LABELS,
    ...IDENTITY_LABELS.filter((l) => l.inStep),
    ...BLOCK_LABELS.filter((b) => b.key !== 'prosedur' && b.key !== 'pelaksana' && b.key !== 'hilang'),
  ],
  procedure: [...block('pelaksana'), ...block('hilang'), ...block('prosedur')],
};

/** The canonical labels allowed at a place, for "labels allowed here: ...". */
export function labelsAllowedAt(place: LabelPlace): string[] {
  // Under a step, `Persyaratan:` is a spelling of Kelengkapan, not a label of its own.
  return PLACE_LABELS[place].filter((l) => !(place === 'step' && l.inStep)).map((l) => l.canonical);
}

/**
 * "Hasil: ...", "No. Urut: ...", "Ruang lingkup kegiatan: ...": one to four words, the first starting
 * with a capital letter (or "No."), then a colon and a space or the line end. Prose with a colon late
 * in the line, a lowercase start, or a time such as "10:30" is not this shape.
 */
const LABEL_SHAPE = /^((?:No\.|[A-Z])[^\s:]*(?:[ \t]+[^\s:]+){0,3}?)[ \t]*:(?=[ \t]|$)/;

export interface UnknownLabel {
  written: string;
  /** Length of the label as written, up to and including its colon. */
  length: number;
  /** The label probably meant, when one is close. */
  suggestion?: string;
}

/** A line shaped like a label that is none of the language's; with the closest label allowed at the place. */
export function labelShaped(line: string, place: LabelPlace): UnknownLabel | undefined {
  const match = LABEL_SHAPE.exec(line);
  if (!match) return undefined;
  const written = match[1].trim();
  // A word ending a sentence before the colon ("Selesai. Catatan:") is prose.
  if (/[.!?,;]$/.test(written) && !/^No\.$/i.test(written)) return undefined;
  if (/[.!?,;][ \t]/.test(written.replace(/^No\.[ \t]/i, ''))) return undefined;
  const suggestion = closest(written, spellings(PLACE_LABELS[place]), 0.34) ?? closest(written, allLabelSpellings(), 0.25);
  return { written, length: match[0].length, suggestion };
}
