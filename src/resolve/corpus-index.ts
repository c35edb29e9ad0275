/**
 * Phase 1 of a run keeps, per file, only what corpus rules need: the SOP's number, title, unit code,
 * its references and suppression directives. The AST itself is dropped, so memory stays flat as the
 * corpus grows.
 */
import type { Reference, ReferenceListField, SopDocument, SuppressionDirective } from '../ast/types.js';
import { lineEndOf, type SourceFile, type Span } from '../diagnostics/source.js';
import { ownCopy } from '../util/own-copy.js';
import { sopContent, type SopContent } from './sop-content.js';

export interface Location {
  offset: number;
  endOffset: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function locate(source: SourceFile, span: Span): Location {
  const start = source.positionAt(span.start);
  const end = source.positionAt(span.end);
  return { offset: span.start, endOffset: span.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export interface IndexedText {
  text: string;
  location: Location;
}

export interface IndexedReference extends IndexedText {
  kind: Reference['kind'];
  /** Where it was written: in the Keterkaitan list, or in a step's Keterangan (with the step number). */
  origin: { kind: 'keterkaitan' } | { kind: 'step'; stepNumber: number | null };
}

export interface IndexEntry {
  file: string;
  /** The whole Nomor SOP as written, e.g. "SOP-308/BKBPM". */
  number?: IndexedText;
  /** "308" */
  numberDigits?: string;
  /** "BKBPM", the part after the slash. */
  unitCode?: IndexedText;
  title?: IndexedText;
  identityMissing: boolean;
  references: IndexedReference[];
  directives: SuppressionDirective[];
  /** Where each directive is written, for the findings about the directives themselves. */
  directiveLocations: Location[];
  /** A location to report at when the SOP has no number or title (the start of the file). */
  fileStart: Location;
  /** Where a new '- SOP ...' line of Keterkaitan goes, when the list is written one item a line. */
  keterkaitanEnd?: ListEnd;
  /** The SOP's subject, actor labels and step words (corpus/copied-content). */
  content?: SopContent;
}

export interface ListEnd {
  /** Offset at which to insert `eol + indent + '- NAME'`. */
  offset: number;
  indent: string;
  eol: string;
}

export interface CorpusIndex {
  entries: IndexEntry[];
}

/** "SOP-405/BKBPM", "SOP 4", "SOP.04/DISDIK": the number, and the unit code after the slash. */
const NUMBER = /^SOP[\s.-]*(\d+)(?:\/(\S+))?/i;

export function indexEntry(document: SopDocument, source: SourceFile, references: IndexedReference[]): IndexEntry {
  const entry: IndexEntry = {
    file: source.path,
    identityMissing: document.identity.missing,
    references: references.map((r) => ({ ...r, text: ownCopy(r.text) })),
    directives: document.directives.map((d) => ({ ...d, ruleIds: d.ruleIds.map(ownCopy), reason: d.reason === null ? null : ownCopy(d.reason) })),
    directiveLocations: document.directives.map((d) => locate(source, d.span)),
    fileStart: locate(source, { start: 0, end: 0 }),
  };
  const nomor = document.identity.nomor?.text;
  if (nomor) {
    entry.number = { text: ownCopy(nomor.text), location: locate(source, nomor.span) };
    const match = NUMBER.exec(nomor.text.trim());
    if (match) {
      entry.numberDigits = ownCopy(match[1]);
      if (match[2]) {
        const codeStart = nomor.span.start + nomor.text.indexOf(match[2], match[0].indexOf('/'));
        entry.unitCode = { text: ownCopy(match[2]), location: locate(source, { start: codeStart, end: codeStart + match[2].length }) };
      }
    }
  }
  const judul = document.identity.judul?.text;
  if (judul) entry.title = { text: ownCopy(judul.text), location: locate(source, judul.span) };
  const end = listEnd(document.identity.keterkaitan, source.text);
  if (end) entry.keterkaitanEnd = end;
  entry.content = sopContent(document, source, (span) => locate(source, span));
  return entry;
}

/**
 * Where a '- NAME' line goes: after the list's last item, with its indentation; or under the label
 * when the list is empty. None when Keterkaitan is written another way (text on the label's line,
 * a marker such as '(kosong)', numbered lines): the author chooses how to rewrite those.
 */
function listEnd(field: ReferenceListField | undefined, text: string): ListEnd | undefined {
  if (!field || field.marker || field.text) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (field.items.length === 0) return { offset: lineEndOf(text, field.label.span.end), indent: '  ', eol };
  let indent = '';
  for (const item of field.items) {
    const lineStart = text.lastIndexOf('\n', item.span.start - 1) + 1;
    const dash = /^([ \t]*)-[ \t]+$/.exec(text.slice(lineStart, item.span.start));
    if (!dash) return undefined;
    indent = dash[1];
  }
  return { offset: lineEndOf(text, field.items[field.items.length - 1].span.end), indent, eol };
}
