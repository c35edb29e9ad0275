import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { declaredSpelling, referenceKeys, referenceSpan } from '../../resolve/references.js';

/** A Keterkaitan entry that no step refers to. */
export const unusedKeterkaitan: FileRule = {
  meta: {
    id: 'xref/unused-keterkaitan',
    description: localized('SOP di Keterkaitan yang tidak dirujuk langkah mana pun.', 'A Keterkaitan entry that no step refers to.'),
    rationale: localized(
      'Bila sebuah SOP terkait tidak disebut di kolom Keterangan langkah mana pun, pembaca tidak tahu di langkah mana SOP itu dipakai.',
      "When a related SOP is named in no step's Keterangan, a reader cannot tell at which step it is used.",
    ),
    defaultSeverity: 'info',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      document(document) {
        // A table with lost pages may have referred to it on a lost page.
        const hasSteps = document.procedures.some((p) => p.steps.length > 0);
        const lost = document.procedures.some((p) => p.missing.length > 0 || p.titleMarker === 'hilang');
        if (!hasSteps || lost) return;
        const used = new Set(context.symbols.references.filter((r) => r.origin.kind === 'step').flatMap((r) => referenceKeys(r.text)));
        for (const ref of document.identity.keterkaitan?.references ?? []) {
          if (referenceKeys(ref.text).some((key) => used.has(key))) continue;
          const spelling = declaredSpelling(ref.text, context.settings.externalSops);
          context.report({
            span: referenceSpan(ref, context.source),
            message: localized(
              `'${ref.text}' tercantum di Keterkaitan, tetapi tidak dirujuk langkah mana pun.`,
              `'${ref.text}' is listed in Keterkaitan, but no step refers to it.`,
            ),
            hint: localized(
              `tulis 'Keterangan: ${spelling}' pada langkah yang memakainya, atau hapus dari Keterkaitan`,
              `write 'Keterangan: ${spelling}' on the step that uses it, or remove it from Keterkaitan`,
            ),
          });
        }
      },
    };
  },
};
