/** Markdown tables: the identity sheet (two columns) and a procedure in the official columns. */
import type { FieldValue, Identity, Procedure, Step } from '../../ast/types.js';
import { IDENTITY_LABELS } from '../../syntax/labels.js';
import { markdownText } from './escape.js';
import { targetText } from '../../ast/actors-and-decisions.js';
import { identityField, UNKNOWN_ACTOR_ID } from '../../ast/types.js';

/** A table row in the "compact" style: one space around each cell's content, one space in an empty cell. */
export function row(cells: string[]): string {
  return `|${cells.map((cell) => (cell ? ` ${cell} ` : ' ')).join('|')}|`;
}

function fieldText(field: FieldValue | undefined): string {
  if (!field) return '';
  if (field.marker) return markdownText(`(${field.marker})`);
  // Text as written; a `- ` list (no text) as bullets. Items split from "A, B dan C" are not repeated.
  if (field.text) return markdownText(field.text.text);
  return field.items.map((item) => `• ${markdownText(item.text)}`).join('<br>');
}

/** The order of the printed sheet: the fields other offices print beside the official ones they follow. */
const FOLLOWS: Partial<Record<string, string>> = {
  revisi: 'tanggalRevisi',
  tujuan: 'judul',
  ruangLingkup: 'tujuan',
  definisi: 'ruangLingkup',
  persyaratan: 'definisi',
  logo: 'unitKerja',
};
const SHEET_ORDER = IDENTITY_LABELS.filter((l) => l.key !== 'identitas' && !FOLLOWS[l.key]).flatMap(function withFollowers(l): typeof IDENTITY_LABELS {
  return [l, ...IDENTITY_LABELS.filter((f) => FOLLOWS[f.key] === l.key).flatMap(withFollowers)];
});

export function identityTable(identity: Identity): string[] {
  if (identity.missing) return ['*Lembar identitas tidak ada di sumber (hilang).*'];
  const lines = [row(['Kolom', 'Isi']), row(['---', '---'])];
  for (const label of SHEET_ORDER) {
    const field = identityField(identity, label.key);
    if (field) lines.push(row([markdownText(label.canonical), fieldText(field)]));
  }
  return lines.length > 2 ? lines : ['*Lembar identitas tidak ditulis.*'];
}

/**
 * The symbol marks, all from Unicode's Geometric Shapes block (U+25A0-U+25FF), which the common
 * fonts of Windows, macOS and Linux cover; '⬭' (U+2B2D) printed a blank box on many PCs.
 */
export const SYMBOL_MARK = { terminator: '◯', process: '▭', decision: '◇' } as const;

/** `unknownColumn`: the procedure has a column headed "?" (hasUnknownColumn, asked once per table). */
function stepCells(step: Step, procedure: Procedure, unknownColumn: boolean): string[] {
  const acting = new Set(step.actors.map((a) => a.id.toLowerCase()));
  const exits = step.decision?.exits.map((e) => `${e.label ?? '?'} → ${targetText(e.to)}`).join(', ');
  const next = step.next?.targets.length ? `Lanjut → ${step.next.targets.map(targetText).join(', ')}` : '';
  const flow = [exits, next].filter(Boolean).join('; ');
  const kegiatan = markdownText(step.kegiatan.text) + (flow ? `<br>*${markdownText(flow)}*` : '');
  return [
    step.number === null ? '' : String(step.number),
    kegiatan,
    ...procedure.actors.map((actor) => (acting.has(actor.id.toLowerCase()) ? SYMBOL_MARK[step.symbol] : '')),
    ...(unknownColumn ? [acting.has(UNKNOWN_ACTOR_ID) ? SYMBOL_MARK[step.symbol] : ''] : []),
    fieldText(step.kelengkapan),
    fieldText(step.waktu),
    fieldText(step.output),
    [fieldText(step.keterangan), step.catatan ? `*Catatan:* ${fieldText(step.catatan)}` : ''].filter(Boolean).join('<br>'),
  ];
}

/** A procedure with a step whose actor cannot be read ('[?]') gets a column headed "?" for it. */
function hasUnknownColumn(procedure: Procedure): boolean {
  return procedure.steps.some((s) => s.actors.some((a) => a.id === UNKNOWN_ACTOR_ID)) && !procedure.actors.some((a) => a.id === UNKNOWN_ACTOR_ID);
}

export function procedureTable(procedure: Procedure): string[] {
  const unknownColumn = hasUnknownColumn(procedure);
  const unknown = unknownColumn ? ['?'] : [];
  const header = ['No', 'Kegiatan', ...procedure.actors.map((a) => markdownText(a.label)), ...unknown, 'Kelengkapan', 'Waktu', 'Output', 'Keterangan'];
  const lines = [row(header), row(header.map(() => '---'))];
  // Steps and lost ranges in source order.
  const entries = [
    ...procedure.steps.map((step) => ({ start: step.span.start, cells: stepCells(step, procedure, unknownColumn) })),
    ...procedure.missing.map((m) => ({
      start: m.span.start,
      cells: [
        `${m.from}–${m.to ?? '…'}`,
        `*${markdownText(`hilang di sumber${m.note ? `: ${m.note}` : ''}`)}*`,
        ...procedure.actors.map(() => ''),
        ...unknown.map(() => ''),
        '',
        '',
        '',
        '',
      ],
    })),
  ].sort((a, b) => a.start - b.start);
  for (const entry of entries) lines.push(row(entry.cells));
  return lines;
}
