import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';
import { sopName } from '../../resolve/references.js';

/** The Keterkaitan graph of the corpus: SOP A lists SOP B (of the corpus), but B does not list A. */
export const oneWayKeterkaitan: CorpusRule = {
  meta: {
    id: 'corpus/one-way-keterkaitan',
    description: localized('Keterkaitan antar-SOP yang hanya tercatat di satu sisi.', 'A link between two SOPs recorded on one side only.'),
    rationale: localized(
      'Keterkaitan menyebut SOP sebelum dan sesudahnya; bila SOP A mencantumkan SOP B, B semestinya juga mencantumkan A.',
      'Keterkaitan names the SOPs before and after; when SOP A lists SOP B, B should list A as well.',
    ),
    defaultSeverity: 'info',
    presets: ['strict'],
    scope: 'corpus',
    fixable: false,
  },
  check(context) {
    const table = context.references;
    for (const entry of context.index.entries) {
      for (const ref of entry.references.filter((r) => r.origin.kind === 'keterkaitan')) {
        const target = table.resolve(ref.text);
        const other = target?.kind === 'corpus' ? target.entry : undefined;
        if (!other || other === entry || other.identityMissing) continue;
        const backKeys = new Set(other.references.filter((r) => r.origin.kind === 'keterkaitan').map((r) => table.resolve(r.text)?.entry));
        if (backKeys.has(entry)) continue;
        const name = entry.title ? sopName(entry.title.text) : (entry.number?.text ?? entry.file);
        context.report({
          file: entry.file,
          location: ref.location,
          message: localized(
            `SOP ini mencantumkan '${ref.text}', tetapi ${other.file} tidak mencantumkan SOP ini di Keterkaitan-nya.`,
            `This SOP lists '${ref.text}', but ${other.file} does not list this SOP in its Keterkaitan.`,
          ),
          hint: localized(`tambahkan '- ${name}' ke Keterkaitan ${other.file}`, `add '- ${name}' to the Keterkaitan of ${other.file}`),
        });
      }
    }
  },
};
