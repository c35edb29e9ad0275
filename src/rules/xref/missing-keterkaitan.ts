import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../../checker/rule.js';
import { declaredSpelling, referenceKey } from '../../checker/references.js';

/** An SOP referred to in a step's Keterangan that the Keterkaitan list does not name. */
export const missingKeterkaitan: FileRule = {
  meta: {
    id: 'xref/missing-keterkaitan',
    description: localized('SOP yang dirujuk di langkah tidak tercantum di Keterkaitan.', 'An SOP referred to in a step is missing from Keterkaitan.'),
    rationale: localized(
      'Keterkaitan di lembar identitas adalah daftar SOP terkait; SOP yang dipakai sebuah langkah harus tercantum di sana.',
      'Keterkaitan on the identity sheet lists the related SOPs; an SOP that a step uses belongs there.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      document(document) {
        if (document.identity.missing) return; // no sheet to add it to
        const listed = new Set((document.identity.keterkaitan?.references ?? []).map((r) => referenceKey(r.text)));
        const reported = new Set<string>();
        for (const ref of context.symbols.references) {
          if (ref.origin.kind !== 'step') continue;
          const key = referenceKey(ref.text);
          if (listed.has(key) || reported.has(key)) continue;
          reported.add(key);
          const spelling = declaredSpelling(ref.text, context.settings.externalSops);
          const where = ref.origin.stepNumber === null ? '' : ` ${ref.origin.stepNumber}`;
          context.report({
            span: { start: ref.location.offset, end: ref.location.endOffset },
            message: localized(
              `Langkah${where} merujuk '${ref.text}', tetapi Keterkaitan tidak mencantumkannya.`,
              `Step${where} refers to '${ref.text}', but Keterkaitan does not list it.`,
            ),
            hint: localized(`tambahkan '- ${spelling}' di bawah 'Keterkaitan:'`, `add '- ${spelling}' under 'Keterkaitan:'`),
          });
        }
      },
    };
  },
};
