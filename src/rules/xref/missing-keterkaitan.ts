import { localized } from '../../diagnostics/diagnostic.js';
import type { CorpusRule } from '../rule.js';
import { ReferenceTable, referenceKeys, sopName, vagueReference, type ReferenceTarget } from '../../resolve/references.js';

/**
 * An SOP referred to in a step's Keterangan that the Keterkaitan list does not name. A corpus rule:
 * "SOP 4" in a step and "SOP Penyusunan Jadwal" in Keterkaitan are one SOP when the book says so,
 * and a misspelt name is left to xref/unresolved, whose did-you-mean is the one piece of advice.
 */
export const missingKeterkaitan: CorpusRule = {
  meta: {
    id: 'xref/missing-keterkaitan',
    description: localized('SOP yang dirujuk di langkah tidak tercantum di Keterkaitan.', 'An SOP referred to in a step is missing from Keterkaitan.'),
    rationale: localized(
      'Keterkaitan di lembar identitas adalah daftar SOP terkait; SOP yang dipakai sebuah langkah harus tercantum di sana.',
      'Keterkaitan on the identity sheet lists the related SOPs; an SOP that a step uses belongs there.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'corpus',
    fixable: true,
  },
  check(context) {
    const table = context.references;
    for (const entry of context.index.entries) {
      if (entry.identityMissing || !context.isEnabledFor(entry.file)) continue; // no sheet to add it to
      const listed = entry.references.filter((r) => r.origin.kind === 'keterkaitan');
      const listedSops = new Set(listed.flatMap((r) => sopsOf(table.resolve(r.text))));
      const listedKeys = new Set(listed.flatMap((r) => referenceKeys(r.text)));
      const reported = new Set<unknown>();
      for (const ref of entry.references) {
        if (ref.origin.kind !== 'step') continue;
        const target = table.resolve(ref.text);
        const keys = referenceKeys(ref.text);
        if (keys.some((k) => listedKeys.has(k)) || sopsOf(target).some((sop) => listedSops.has(sop))) continue;
        // A near miss of a known SOP: xref/unresolved says which one is meant; adding the
        // misspelling to Keterkaitan would be the wrong advice.
        if (!target && table.nearMiss(ref.text)) continue;
        // "SOP SK" names no SOP that Keterkaitan could list (xref/vague says so): never added.
        if (!target && vagueReference(ref.text)) continue;
        const id = target ? ReferenceTable.sopOf(target) : keys.join('\u0000');
        if (reported.has(id)) continue;
        reported.add(id);
        const spelling = target ? listName(target) : ref.text;
        const where = ref.origin.stepNumber === null ? '' : ` ${ref.origin.stepNumber}`;
        const end = entry.keterkaitanEnd;
        context.report({
          file: entry.file,
          location: ref.location,
          message: localized(
            `Langkah${where} merujuk '${ref.text}', tetapi Keterkaitan tidak mencantumkannya.`,
            `Step${where} refers to '${ref.text}', but Keterkaitan does not list it.`,
          ),
          hint: localized(`tambahkan '- ${spelling}' di bawah 'Keterkaitan:'`, `add '- ${spelling}' under 'Keterkaitan:'`),
          // Certain only for an SOP the book knows (its own or a declared external one).
          fix: end && target ? { offset: end.offset, endOffset: end.offset, text: `${end.eol}${end.indent}- ${spelling}` } : undefined,
        });
      }
    }
  },
};

const sopsOf = (target: ReferenceTarget | undefined) => (target ? [ReferenceTable.sopOf(target)] : []);

/** How Keterkaitan lists an SOP: "SOP <title>" for one of the book's with a title, else its name or number. */
function listName(target: ReferenceTarget): string {
  return target.entry?.title ? sopName(target.entry.title.text) : target.canonical;
}
