/**
 * Lists numbered as on paper: "1. Undang-undang Nomor 23 Tahun 2002" under 'Dasar Hukum:', "1. Surat
 * permohonan" under an empty 'Kelengkapan:'. The grammar reads such a line as a step; the AST builder
 * reports it once and reads it as an item of the list above, so nothing else cascades from it.
 */
import type { CstNode, IToken } from 'chevrotain';
import { localized } from '../../../src/diagnostics/diagnostic.js';
import { SYNTAX, type Report } from '../../../src/ast/syntax-findings.js';
import type { FieldValue, ReferenceListField, Step, TextNode } from '../../../src/ast/types.js';
import { findReferences, JoinedText } from '../../../src/ast/values.js';

export interface NumberedLine {
  number: IToken;
  text: TextNode;
}

/** A list field that numbered lines below it may extend, with its label as printed. */
export interface OpenList {
  field: FieldValue;
  label: string;
}

/** The number and text of a step line shaped like a numbered list item (a number, no actor, some text). */
export function numberedListLine(step: CstNode): NumberedLine | undefined {
  const number = step.children.StepNumber?.[0] as IToken | undefined;
  if (!number || !/^\d+\.$/.test(number.image) || step.children.ActorList) return undefined;
  const joined = new JoinedText();
  for (const name of ['ValueText', 'ContinuationText']) for (const t of (step.children[name] ?? []) as IToken[]) joined.add(t.image, t.startOffset);
  const text = joined.node();
  return text ? { number, text } : undefined;
}

/** The step's last written field, when it is a Kelengkapan or Output left empty on its label line. */
export function openListOf(step: Step): OpenList | undefined {
  const fields = [step.kelengkapan, step.waktu, step.output, step.keterangan, step.catatan, step.decision].filter((f) => f !== undefined);
  const last = fields.reduce<(typeof fields)[number] | undefined>((a, b) => (a && a.span.start > b.span.start ? a : b), undefined);
  if (!last || (last !== step.kelengkapan && last !== step.output) || last.text) return undefined;
  return { field: last, label: last === step.kelengkapan ? 'Kelengkapan' : 'Output' };
}

/** Reports a numbered line and reads it as an item of the list above it. */
export function absorbListLine(list: OpenList, line: NumberedLine, report: Report): void {
  report(
    { start: line.number.startOffset, end: line.text.span.end },
    SYNTAX.misplaced,
    localized(
      `Baris bernomor di bawah '${list.label}:': butir daftar diharapkan diawali '- ', ditemukan '${line.number.image}'; baris ini dibaca sebagai butir daftar.`,
      `A numbered line under '${list.label}:': list items are expected to start with '- ', found '${line.number.image}'; it is read as an item of the list.`,
    ),
    localized(`tulis '- ${line.text.text}'`, `write '- ${line.text.text}'`),
    { span: { start: line.number.startOffset, end: line.text.span.start }, text: '- ' },
  );
  list.field.items.push(line.text);
  const references = (list.field as Partial<ReferenceListField>).references;
  if (references) references.push(...findReferences(line.text, (i) => line.text.span.start + i));
  list.field.span = { start: list.field.span.start, end: Math.max(list.field.span.end, line.text.span.end) };
}
