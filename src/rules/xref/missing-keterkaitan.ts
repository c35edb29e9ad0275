import { localized } from '../../diagnostics/diagnostic.js';
import type { ReferenceListField } from '../../ast/types.js';
import type { FileRule } from '../rule.js';
import { lineEndOf } from '../../diagnostics/source.js';
import { declaredName, referenceKey } from '../../resolve/references.js';

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
    fixable: true,
  },
  create(context) {
    return {
      document(document) {
        if (document.identity.missing) return; // no sheet to add it to
        const listed = new Set((document.identity.keterkaitan?.references ?? []).map((r) => referenceKey(r.text)));
        const addLine = listEnd(document.identity.keterkaitan, context.source.text);
        const reported = new Set<string>();
        for (const ref of context.symbols.references) {
          if (ref.origin.kind !== 'step') continue;
          const key = referenceKey(ref.text);
          if (listed.has(key) || reported.has(key)) continue;
          reported.add(key);
          const declared = declaredName(ref.text, context.settings.externalSops);
          const spelling = declared ?? ref.text;
          const where = ref.origin.stepNumber === null ? '' : ` ${ref.origin.stepNumber}`;
          context.report({
            span: { start: ref.location.offset, end: ref.location.endOffset },
            message: localized(
              `Langkah${where} merujuk '${ref.text}', tetapi Keterkaitan tidak mencantumkannya.`,
              `Step${where} refers to '${ref.text}', but Keterkaitan does not list it.`,
            ),
            hint: localized(`tambahkan '- ${spelling}' di bawah 'Keterkaitan:'`, `add '- ${spelling}' under 'Keterkaitan:'`),
            // Certain only for an SOP the configuration declares: a corpus title may be misspelt here.
            fix: addLine && declared ? { span: { start: addLine.at, end: addLine.at }, text: `${addLine.eol}${addLine.indent}- ${spelling}` } : undefined,
          });
        }
      },
    };
  },
};

/**
 * Where a '- NAME' line goes: after the list's last item, with its indentation; or under the label
 * when the list is empty. None when Keterkaitan is written another way (text on the label's line,
 * a marker such as '(kosong)', numbered lines): the author chooses how to rewrite those.
 */
function listEnd(field: ReferenceListField | undefined, text: string): { at: number; indent: string; eol: string } | undefined {
  if (!field || field.marker || field.text) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (field.items.length === 0) return { at: lineEndOf(text, field.label.span.end), indent: '  ', eol };
  let indent = '';
  for (const item of field.items) {
    const lineStart = text.lastIndexOf('\n', item.span.start - 1) + 1;
    const dash = /^([ \t]*)-[ \t]+$/.exec(text.slice(lineStart, item.span.start));
    if (!dash) return undefined;
    indent = dash[1];
  }
  return { at: lineEndOf(text, field.items[field.items.length - 1].span.end), indent, eol };
}
