/**
 * What an SOP is about and what its steps say, kept for the corpus rule that finds content copied
 * from another SOP of the book (corpus/copied-content): the subject of the SOP (the content words of
 * its title and procedure names, stemmed), the labels of its actor columns, each step's Kelengkapan
 * and Output, and where a Kegiatan names a sub-division's person or a word of the SOP's own subject.
 * Copies of the text, never the file.
 */
import type { SopDocument, TextNode } from '../ast/types.js';
import type { SourceFile } from '../diagnostics/source.js';
import { stemIndonesian } from '../util/indonesian-stem.js';
import { ownCopy } from '../util/own-copy.js';
import type { Location } from './corpus-index.js';
import type { Span } from '../ast/types.js';

type Locate = (span: Span) => Location;

/** Words of a title that say it is an SOP or a procedure, not what it is about. */
const NOT_SUBJECT = new Set([
  'sop',
  'prosedur',
  'standar',
  'operasional',
  'pelaksanaan',
  'kegiatan',
  'penyelenggaraan',
  'tata',
  'cara',
  'dan',
  'serta',
  'di',
  'ke',
  'dari',
  'untuk',
  'bidang',
  'tentang',
  'atau',
  'yang',
  'pada',
  'dengan',
  'tim',
  'program',
]);

export interface ContentCell {
  stepNumber: number | null;
  field: 'kegiatan' | 'kelengkapan' | 'output';
  /** The cell as the file writes it (a Kegiatan over several lines keeps its line breaks). */
  text: string;
  /** Where the cell starts: its offset, line and column; a word's place is counted from there. */
  offset: number;
  line: number;
  column: number;
}

export interface ActorLabel {
  label: string;
  location: Location;
}

export interface SopContent {
  /** Each name of the SOP (Judul, each procedure's title) as the stems of its content words. */
  subjects: string[][];
  actorLabels: ActorLabel[];
  cells: ContentCell[];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function subjectStems(name: string): string[] {
  const stems: string[] = [];
  for (const [word] of name.toLowerCase().matchAll(WORD)) {
    // "S.O.P", "A." of "A. Penanganan ...": letters, not words.
    if (word.length < 2 || NOT_SUBJECT.has(word)) continue;
    stems.push(ownCopy(stemIndonesian(word)));
  }
  return stems;
}

function cell(node: TextNode, stepNumber: number | null, field: ContentCell['field'], source: SourceFile, locate: Locate): ContentCell {
  const { line, column } = locate({ start: node.span.start, end: node.span.start });
  const text = ownCopy(source.text.slice(node.span.start, node.span.end));
  return { stepNumber, field, text, offset: node.span.start, line, column };
}

/** Titles of a sub-division's people ("Kasubbid PE & PKM"): the words a Kegiatan is kept for. */
const SUBDIVISION_TITLES = /(?<![\p{L}\p{N}])(?:kasubbid|kabid|kasi|kasie|kabag|kasubag|kasubbag|jfu|pu)(?![\p{L}\p{N}])/giu;

/**
 * Of a Kegiatan, only where it names a sub-division's person: the title and the four words after it.
 * The rest of its text is not kept, so that typing in a Kegiatan leaves the index the same but for
 * places (the language server then moves the book's findings instead of running the corpus rules).
 */
function titleMentions(node: TextNode, stepNumber: number | null, source: SourceFile, locate: Locate): ContentCell[] {
  const written = source.text.slice(node.span.start, node.span.end);
  const mentions: ContentCell[] = [];
  for (const match of written.matchAll(SUBDIVISION_TITLES)) {
    const after = /^(?:[^\p{L}\p{N}]+[\p{L}\p{N}]+){0,4}/u.exec(written.slice(match.index + match[0].length))![0];
    const start = node.span.start + match.index;
    const { line, column } = locate({ start, end: start });
    mentions.push({ stepNumber, field: 'kegiatan', text: ownCopy(match[0] + after), offset: start, line, column });
  }
  return mentions;
}

/** Words kept around a word of the SOP's own subject in a Kegiatan: before it, and after it. */
const SUBJECT_WINDOW = { before: 2, after: 4 };

/**
 * Of a Kegiatan, only the words around a word of the SOP's own subject ("Penilai Lomba Keluarga
 * Sejahtera" in the SOP of Lomba Kelurahan): a row copied from a sister SOP names that SOP's subject
 * where its own should be, and sister SOPs share words ("Lomba ..."). As with titles, the rest of
 * the text is not kept, so that typing elsewhere in a Kegiatan leaves the index the same.
 */
function subjectMentions(node: TextNode, stepNumber: number | null, own: ReadonlySet<string>, source: SourceFile, locate: Locate): ContentCell[] {
  const written = source.text.slice(node.span.start, node.span.end);
  const words = [...written.matchAll(WORD)];
  const windows: { from: number; to: number }[] = [];
  words.forEach((word, i) => {
    if (word[0].length < 2 || !own.has(stemIndonesian(word[0].toLowerCase()))) return;
    const from = Math.max(0, i - SUBJECT_WINDOW.before);
    const to = Math.min(words.length - 1, i + SUBJECT_WINDOW.after);
    const last = windows[windows.length - 1];
    if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
    else windows.push({ from, to });
  });
  return windows.map(({ from, to }) => {
    const startAt = words[from].index;
    const start = node.span.start + startAt;
    const { line, column } = locate({ start, end: start });
    const text = ownCopy(written.slice(startAt, words[to].index + words[to][0].length));
    return { stepNumber, field: 'kegiatan' as const, text, offset: start, line, column };
  });
}

/** `locate`: the index's own conversion of a span to a location (passed in: the index imports this module). */
export function sopContent(document: SopDocument, source: SourceFile, locate: Locate): SopContent {
  const names = [document.identity.judul?.text?.text, ...document.procedures.map((p) => p.title?.text)].filter((n): n is string => !!n);
  const subjects = names.map(subjectStems).filter((s) => s.length > 0);
  const own = new Set(subjects.flat());
  const actorLabels: ActorLabel[] = [];
  const cells: ContentCell[] = [];
  for (const procedure of document.procedures) {
    if (!procedure.actorsInherited) for (const actor of procedure.actors) actorLabels.push({ label: ownCopy(actor.label), location: locate(actor.span) });
    for (const step of procedure.steps) {
      cells.push(...titleMentions(step.kegiatan, step.number, source, locate));
      cells.push(...subjectMentions(step.kegiatan, step.number, own, source, locate));
      for (const [field, value] of [
        ['kelengkapan', step.kelengkapan],
        ['output', step.output],
      ] as const) {
        if (value?.text) cells.push(cell(value.text, step.number, field, source, locate));
      }
    }
  }
  if (document.procedures.every((p) => p.actorsInherited))
    for (const actor of document.procedures[0]?.actors ?? []) actorLabels.push({ label: ownCopy(actor.label), location: locate(actor.span) });
  return { subjects, actorLabels, cells };
}
