import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';

const spaced = (s: string) => s.trim().replace(/\s+/g, ' ');

/** A reference that resolves only when case and punctuation are ignored ("SOP Surat keluar"). */
export const nameMismatch: CorpusRule = {
  meta: {
    id: 'xref/name-mismatch',
    description: localized('Nama SOP yang dirujuk ditulis berbeda dari namanya.', 'A referenced SOP name is written differently from its name.'),
    rationale: localized(
      'Nama SOP yang ditulis seragam memudahkan pencarian dan arsip; "SOP Pembentukan TIM" dan "SOP Pembentukan Tim" adalah SOP yang sama.',
      'Names written one way make searching and archiving reliable; "SOP Pembentukan TIM" and "SOP Pembentukan Tim" are the same SOP.',
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: true,
  },
  check(context) {
    const table = context.references;
    for (const entry of context.index.entries) {
      if (!context.isEnabledFor(entry.file)) continue;
      for (const ref of entry.references) {
        const target = table.resolve(ref.text);
        if (!target || ref.kind === 'number' || spaced(ref.text) === spaced(target.canonical)) continue;
        context.report({
          file: entry.file,
          location: ref.location,
          message: localized(
            `'${ref.text}' ditulis berbeda dari nama SOP-nya, '${target.canonical}'.`,
            `'${ref.text}' is written differently from the SOP's name, '${target.canonical}'.`,
          ),
          hint: localized(`tulis '${target.canonical}'`, `write '${target.canonical}'`),
          fix: { offset: ref.location.offset, endOffset: ref.location.endOffset, text: target.canonical },
        });
      }
    }
  },
};
