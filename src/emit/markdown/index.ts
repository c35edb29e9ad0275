/**
 * Markdown: the identity sheet, then each procedure table in the official columns (a mark in the
 * acting actor's columns: ◯ start/end, ▭ process, ◇ decision), then the Mermaid flowchart in a
 * ```mermaid block, so an SOP reads well on GitHub and GitLab.
 */
import type { SopDocument } from '../../ast/types.js';
import type { Emitter } from '../registry.js';
import { renderMermaid } from '../mermaid/flowchart.js';
import { markdownText } from './escape.js';
import { identityTable, procedureTable, SYMBOL_MARK } from './tables.js';

export function renderMarkdown(document: SopDocument): string {
  const identity = document.identity;
  // Without an identity sheet the first procedure names the SOP; a file path is no title.
  const title =
    [identity.nomor?.text?.text, identity.judul?.text?.text].filter(Boolean).join(' — ') ||
    document.procedures.find((p) => p.title)?.title?.text ||
    (document.file.split(/[\\/]/).pop() ?? document.file).replace(/\.sop$/i, '');
  const out = [`# ${markdownText(title)}`, '', '## Identitas', '', ...identityTable(identity), ''];
  document.procedures.forEach((procedure, i) => {
    const name = procedure.title?.text ?? (procedure.titleMarker ? `(${procedure.titleMarker})` : `Prosedur ${i + 1}`);
    out.push(`## Prosedur: ${markdownText(name)}`, '');
    if (procedure.steps.length === 0 && procedure.missing.length === 0) out.push('*Tidak ada langkah di sumber.*', '');
    // One line at a time: spreading 100,000 rows into push() overflows the stack.
    else {
      for (const line of procedureTable(procedure)) out.push(line);
      out.push('');
    }
  });
  out.push(
    `Simbol: ${SYMBOL_MARK.terminator} mulai/selesai, ${SYMBOL_MARK.process} kegiatan, ${SYMBOL_MARK.decision} keputusan.`,
    '',
    '## Bagan alir',
    '',
    '```mermaid',
    renderMermaid(document).trimEnd(),
    '```',
    '',
  );
  return out.join('\n');
}

export const markdownEmitter: Emitter = {
  format: 'md',
  extension: 'md',
  render: ({ document }) => renderMarkdown(document),
};
