/**
 * What the editor asks about one file: hover, completion, definition, references, rename, outline,
 * folding. Pure functions of the file's parse (and, for "SOP ..." references, the book's index), with
 * offsets in and offsets out; server.ts turns them into LSP positions.
 */
import type { Actor, ActorRef, Procedure, Reference, SopDocument, Step } from '../ast/types.js';
import { clockMinutes } from '../ast/values.js';
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source.js';
import type { IndexEntry } from '../resolve/corpus-index.js';
import type { ReferenceTable } from '../resolve/references.js';
import { BUILTIN_FINDINGS } from '../rules/builtin-findings.js';
import { findRule } from '../rules/index.js';
import { docsPath } from '../rules/rule.js';
import { BLOCK_LABELS, IDENTITY_LABELS, STEP_FIELD_LABELS } from '../syntax/labels.js';

const contains = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The procedure an offset is in (or the last one that starts before it). */
export function procedureAt(document: SopDocument, offset: number): Procedure | undefined {
  let found: Procedure | undefined;
  for (const procedure of document.procedures) if (procedure.labelSpan.start <= offset) found = procedure;
  return found ?? document.procedures[0];
}

export type Found =
  | { kind: 'actor-ref'; ref: ActorRef; procedure: Procedure }
  | { kind: 'actor-decl'; actor: Actor; procedure: Procedure }
  | { kind: 'exit-target'; target: number; span: Span; procedure: Procedure }
  | { kind: 'reference'; reference: Reference }
  | { kind: 'waktu'; step: Step };

/** What stands at an offset: an actor id, a decision's target, an "SOP ..." reference, a Waktu. */
export function symbolAt(document: SopDocument, offset: number): Found | undefined {
  for (const procedure of document.procedures) {
    for (const actor of procedure.actors) if (contains(actor.idSpan, offset)) return { kind: 'actor-decl', actor, procedure };
    for (const step of procedure.steps) {
      if (!contains(step.span, offset)) continue;
      for (const ref of step.actors) if (contains(ref.span, offset)) return { kind: 'actor-ref', ref, procedure };
      for (const exit of step.decision?.exits ?? [])
        if (exit.target !== null && contains(exit.targetSpan, offset)) return { kind: 'exit-target', target: exit.target, span: exit.targetSpan, procedure };
      for (const reference of step.keterangan?.references ?? []) if (contains(reference.span, offset)) return { kind: 'reference', reference };
      if (step.waktu && contains(step.waktu.span, offset)) return { kind: 'waktu', step };
    }
  }
  for (const reference of document.identity.keterkaitan?.references ?? []) if (contains(reference.span, offset)) return { kind: 'reference', reference };
  return undefined;
}

/** Every actor declaration of a file with this id, and every `[...]` naming it. */
export function actorOccurrences(document: SopDocument, id: string): { declarations: Span[]; references: Span[] } {
  const declarations = new Map<number, Span>();
  const references: Span[] = [];
  for (const procedure of document.procedures) {
    for (const actor of procedure.actors) if (actor.id === id) declarations.set(actor.idSpan.start, actor.idSpan);
    for (const step of procedure.steps) for (const ref of step.actors) if (ref.id === id) references.push(ref.span);
  }
  return { declarations: [...declarations.values()].sort((a, b) => a.start - b.start), references };
}

export function actorIdAt(document: SopDocument, offset: number): { id: string; span: Span } | undefined {
  const symbol = symbolAt(document, offset);
  if (symbol?.kind === 'actor-ref') return { id: symbol.ref.id, span: symbol.ref.span };
  if (symbol?.kind === 'actor-decl') return { id: symbol.actor.id, span: symbol.actor.idSpan };
  return undefined;
}

const words = (language: Language, id: string, en: string) => (language === 'id' ? id : en);

function formatMinutes(minutes: number, language: Language): string {
  const rounded = Math.round(minutes * 100) / 100;
  return words(language, `${rounded} menit`, `${rounded} minutes`);
}

/** The SOP a reference names, in the book (or declared as external), as hover text. */
export function referenceSummary(reference: Reference, table: ReferenceTable, language: Language): string {
  const target = table.resolve(reference.text);
  if (!target) {
    const suggestion = table.suggest(reference.text);
    const unknown = words(language, `'${reference.text}' tidak ditemukan di buku ini.`, `'${reference.text}' is not found in this book.`);
    return suggestion ? `${unknown} ${words(language, `Mungkin: ${suggestion}`, `Did you mean: ${suggestion}`)}` : unknown;
  }
  if (target.kind === 'external')
    return words(
      language,
      `**${target.canonical}**: SOP luar (externalSops di konfigurasi)`,
      `**${target.canonical}**: an external SOP (externalSops in the configuration)`,
    );
  const entry = target.entry!;
  return `**${entry.title ? `SOP ${entry.title.text}` : target.canonical}**${entry.number ? ` (${entry.number.text})` : ''}\n\n\`${entry.file}\``;
}

/** A finding's rule: its one-line description and docs page, as hover text. */
export function ruleSummary(diagnostic: Diagnostic, language: Language, docsLink?: (ruleId: string) => string | undefined): string {
  const rule = findRule(diagnostic.ruleId);
  const builtin = BUILTIN_FINDINGS.find((b) => b.id === diagnostic.ruleId);
  const description = rule?.meta.description[language] ?? builtin?.description[language] ?? '';
  const lines = [`**${diagnostic.ruleId}**: ${description}`];
  if (rule) lines.push('', rule.meta.rationale[language]);
  const link = docsLink?.(diagnostic.ruleId);
  lines.push('', link ? `[${docsPath(diagnostic.ruleId)}](${link})` : `\`${docsPath(diagnostic.ruleId)}\``);
  return lines.join('\n');
}

export interface HoverAnswer {
  markdown: string;
  span: Span;
}

export function hoverAt(document: SopDocument, offset: number, table: ReferenceTable, language: Language): HoverAnswer | undefined {
  const symbol = symbolAt(document, offset);
  if (!symbol) return undefined;
  switch (symbol.kind) {
    case 'actor-ref':
    case 'actor-decl': {
      const id = symbol.kind === 'actor-ref' ? symbol.ref.id : symbol.actor.id;
      const span = symbol.kind === 'actor-ref' ? symbol.ref.span : symbol.actor.idSpan;
      const actor = symbol.procedure.actors.find((a) => a.id === id);
      const markdown = actor
        ? `**${id}**: ${actor.label}\n\n${words(language, 'kolom Pelaksana', 'a Pelaksana (actor) column')}`
        : words(language, `**${id}**: tidak dideklarasikan di bawah Pelaksana`, `**${id}**: not declared under Pelaksana`);
      return { markdown, span };
    }
    case 'exit-target': {
      const step = symbol.procedure.steps.find((s) => s.number === symbol.target);
      const markdown = step
        ? `**${words(language, 'Langkah', 'Step')} ${symbol.target}**: ${step.kegiatan.text}`
        : words(language, `Langkah ${symbol.target} tidak ada`, `There is no step ${symbol.target}`);
      return { markdown, span: symbol.span };
    }
    case 'reference':
      return { markdown: referenceSummary(symbol.reference, table, language), span: symbol.reference.span };
    case 'waktu': {
      const waktu = symbol.step.waktu!;
      const duration = waktu.duration;
      let markdown: string;
      if (!duration)
        markdown = words(
          language,
          `Waktu '${waktu.text?.text ?? ''}' tidak terbaca sebagai lama waktu`,
          `Waktu '${waktu.text?.text ?? ''}' does not read as a duration`,
        );
      else if ('special' in duration) markdown = `**${duration.special}**: ${words(language, 'tanpa lama waktu yang tetap', 'no fixed duration')}`;
      else {
        const minutes = clockMinutes(duration.amount, duration.unit);
        markdown =
          minutes === undefined
            ? `**${duration.amount} ${duration.unit}** (${words(language, 'dihitung dalam hari, minggu atau bulan, seperti jumlah Waktu di formulir', "counted in days, weeks or months, as the form's Waktu total does")})`
            : `**${formatMinutes(minutes, language)}** (${duration.amount} ${duration.unit})`;
      }
      return { markdown, span: waktu.span };
    }
  }
}

export interface Target {
  /** Absolute path of the file; undefined: this file. */
  file?: string;
  span?: Span;
  /** Where the target is in another file, as the index locates it. */
  location?: { line: number; column: number; endLine: number; endColumn: number };
}

export function definitionAt(document: SopDocument, offset: number, table: ReferenceTable, absoluteOf: (path: string) => string): Target | undefined {
  const symbol = symbolAt(document, offset);
  if (!symbol) return undefined;
  switch (symbol.kind) {
    case 'actor-ref': {
      const actor = symbol.procedure.actors.find((a) => a.id === symbol.ref.id);
      return actor ? { span: actor.idSpan } : undefined;
    }
    case 'actor-decl':
      return { span: symbol.actor.idSpan };
    case 'exit-target': {
      const step = symbol.procedure.steps.find((s) => s.number === symbol.target);
      return step ? { span: step.numberSpan } : undefined;
    }
    case 'reference': {
      const entry: IndexEntry | undefined = table.resolve(symbol.reference.text)?.entry;
      if (!entry) return undefined;
      const at = entry.title?.location ?? entry.number?.location ?? entry.fileStart;
      return { file: absoluteOf(entry.file), location: at };
    }
    default:
      return undefined;
  }
}

// ---- completion ----------------------------------------------------------------------------

export interface Completion {
  label: string;
  kind: 'label' | 'actor' | 'step' | 'sop';
  detail?: string;
  insertText: string;
  /** The text before the cursor that the completion replaces. */
  replaceFrom: number;
}

const STEP_HEAD = /^[ \t]*(?:\d+|\?)\.[ \t]/;
/** Block labels written inside a step (its decision, where it goes next). */
const STEP_BLOCK_KEYS = ['keputusan', 'lanjut'];
const STEP_LABELS = [...STEP_FIELD_LABELS, ...BLOCK_LABELS.filter((b) => STEP_BLOCK_KEYS.includes(b.key))];
const STEP_FIELD_OR_DECISION = new RegExp(
  `^[ \\t]+(?:${[...STEP_LABELS, ...IDENTITY_LABELS.filter((l) => l.inStep)]
    .flatMap((l) => [l.canonical, ...l.aliases])
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})[ \\t]*:`,
  'i',
);
const PROSEDUR_LINE = /^[ \t]*Prosedur[ \t]*:/i;

/** Where a label may be written on this line: the identity sheet, a step's fields, or a procedure's blocks. */
function labelPlace(lines: string[], line: number): 'identity' | 'step' | 'procedure' {
  if (!lines.slice(0, line).some((l) => PROSEDUR_LINE.test(l))) return 'identity';
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i];
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    if (STEP_HEAD.test(text) || STEP_FIELD_OR_DECISION.test(text)) return /^[ \t]/.test(lines[line]) || lines[line] === '' ? 'step' : 'procedure';
    if (/^[ \t]{4,}/.test(text)) continue; // a continuation line of a step's text
    return 'procedure';
  }
  return 'procedure';
}

/** `externalSops`: the other offices' SOPs the configuration declares (offered after the book's own). */
export function completionsAt(document: SopDocument, text: string, offset: number, book: { entries: IndexEntry[] }, externalSops: string[] = []): Completion[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const procedure = procedureAt(document, offset);

  const actorList = /^[ \t]*(?:\d+|\?)\.[ \t]*\[([^\]]*?)([A-Za-z_][\w.&-]*)?$/.exec(before);
  if (actorList) {
    const typed = actorList[2] ?? '';
    const actors = procedure?.actors ?? [];
    return actors.map((a) => ({ label: a.id, kind: 'actor', detail: a.label, insertText: a.id, replaceFrom: offset - typed.length }));
  }

  const exit = /^[ \t]*Keputusan[ \t]*:.*(?:->|\u2192)[ \t]*(\d*)$/i.exec(before);
  if (exit) {
    const typed = exit[1];
    return (procedure?.steps ?? [])
      .filter((s) => s.number !== null)
      .map((s) => ({
        label: String(s.number),
        kind: 'step',
        detail: s.kegiatan.text.slice(0, 80),
        insertText: String(s.number),
        replaceFrom: offset - typed.length,
      }));
  }

  const sop = /(?:^|[\s,(])SOP[ \t]+([^,]*)$/.exec(before);
  if (sop && !/^[ \t]*[A-Za-z ./]+:$/.test(before)) {
    const typed = sop[1];
    const seen = new Set<string>();
    const out: Completion[] = [];
    for (const entry of book.entries) {
      if (!entry.title || entry.file === document.file || seen.has(entry.title.text)) continue;
      seen.add(entry.title.text);
      out.push({ label: entry.title.text, kind: 'sop', detail: entry.number?.text, insertText: entry.title.text, replaceFrom: offset - typed.length });
    }
    for (const name of externalSops) {
      const title = name.replace(/^\s*SOP\s+/i, '');
      if (seen.has(title)) continue;
      seen.add(title);
      out.push({ label: title, kind: 'sop', detail: 'externalSops', insertText: title, replaceFrom: offset - typed.length });
    }
    return out;
  }

  const label = /^([ \t]*)([A-Za-z][A-Za-z ./]*)?$/.exec(before);
  if (label) {
    const typed = label[2] ?? '';
    const lines = text.split(/\r?\n/);
    const line = text.slice(0, lineStart).split('\n').length - 1;
    const place = labelPlace(lines, line);
    const specs =
      place === 'identity'
        ? [...IDENTITY_LABELS, ...BLOCK_LABELS.filter((b) => b.key === 'prosedur' || b.key === 'pelaksana')]
        : place === 'step'
          ? STEP_LABELS
          : BLOCK_LABELS.filter((b) => !STEP_BLOCK_KEYS.includes(b.key));
    return specs.map((spec) => ({
      label: `${spec.canonical}:`,
      kind: 'label',
      detail: spec.aliases.length ? spec.aliases.join(', ') : undefined,
      insertText: `${spec.canonical}: `,
      replaceFrom: offset - typed.length,
    }));
  }
  return [];
}

// ---- outline and folding -------------------------------------------------------------------

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: 'procedure' | 'step' | 'decision' | 'identity';
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

export function outline(document: SopDocument): OutlineItem[] {
  const items: OutlineItem[] = [];
  const judul = document.identity.judul;
  if (judul?.text)
    items.push({
      name: judul.text.text,
      detail: document.identity.nomor?.text?.text,
      kind: 'identity',
      span: judul.span,
      selection: judul.text.span,
      children: [],
    });
  for (const procedure of document.procedures) {
    const children = procedure.steps.map<OutlineItem>((step) => ({
      name: `${step.number ?? '?'}. ${step.kegiatan.text.length > 60 ? `${step.kegiatan.text.slice(0, 59)}…` : step.kegiatan.text}`,
      detail: step.actors.map((a) => a.id).join(', '),
      kind: step.decision ? 'decision' : 'step',
      span: step.span,
      selection: step.numberSpan,
      children: [],
    }));
    items.push({
      name: procedure.title?.text ?? 'Prosedur',
      kind: 'procedure',
      span: { start: procedure.labelSpan.start, end: Math.max(procedure.span.end, procedure.labelSpan.end) },
      selection: procedure.labelSpan,
      children,
    });
  }
  return items;
}

/** Folding ranges, in 0-based lines: procedures, steps, list fields of the identity sheet, comment blocks. */
export function foldingRanges(document: SopDocument, lineOf: (offset: number) => number): { start: number; end: number; kind?: 'comment' }[] {
  const ranges: { start: number; end: number; kind?: 'comment' }[] = [];
  const add = (span: Span, kind?: 'comment') => {
    const start = lineOf(span.start);
    const end = lineOf(Math.max(span.start, span.end - 1));
    if (end > start) ranges.push(kind ? { start, end, kind } : { start, end });
  };
  for (const value of Object.values(document.identity)) if (value && typeof value === 'object' && 'span' in value) add((value as { span: Span }).span);
  for (const procedure of document.procedures) {
    add({ start: procedure.labelSpan.start, end: procedure.span.end });
    for (const step of procedure.steps) add(step.span);
  }
  let block: Span | undefined;
  let lastLine = -2;
  for (const comment of document.comments) {
    const line = lineOf(comment.span.start);
    if (block && line === lastLine + 1) block.end = comment.span.end;
    else {
      if (block) add(block, 'comment');
      block = { ...comment.span };
    }
    lastLine = line;
  }
  if (block) add(block, 'comment');
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}
