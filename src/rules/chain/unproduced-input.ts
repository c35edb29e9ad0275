import { localized, type Localized } from '../../diagnostics/diagnostic.js';
import { kinship, type ChainBreak } from '../../resolve/document-chain.js';
import type { FileRule, Report } from '../rule.js';
import { chainOf, documentWordsOption, numberOf, quotedList } from './helpers.js';

/**
 * A Kelengkapan document that no earlier step of the forward flow produces and that is not declared
 * as coming from outside: the chain Output → Kelengkapan is the quality control of the SOP. A broken
 * hand-over is reported here once, at the step that needs the document, with the Output left unused
 * just before it as the related location (chain/unused-output then stays silent about it).
 */
export const unproducedInput: FileRule = {
  meta: {
    id: 'chain/unproduced-input',
    description: localized('Kelengkapan yang tidak dihasilkan langkah sebelumnya.', 'A Kelengkapan item that no earlier step produces.'),
    rationale: localized(
      'Output sebuah langkah adalah Kelengkapan langkah berikutnya; Kelengkapan yang tidak pernah dihasilkan menandakan langkah yang hilang, Output yang salah salin, atau masukan dari luar yang belum dinyatakan.',
      'The Output of one step is the Kelengkapan of the next; an input nobody produced points to a missing step, a miscopied Output, or an outside input not yet declared.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
    ...documentWordsOption,
  },
  create(context) {
    return {
      procedure(procedure) {
        for (const found of chainOf(context, procedure).breaks) context.report(reportOf(found, (i) => numberOf(procedure, i)));
      },
    };
  },
};

function reportOf(found: ChainBreak, number: (index: number) => string): Report {
  const needed = found.input.node.text;
  const step = number(found.step);
  const alsoNumbers = found.alsoNeededBy.map((a) => number(a.step));
  const also = alsoNumbers.length
    ? localized(
        ` Dokumen ini juga diperlukan langkah ${alsoNumbers.join(', ')}.`,
        ` Step${alsoNumbers.length > 1 ? 's' : ''} ${alsoNumbers.join(', ')} need${alsoNumbers.length > 1 ? '' : 's'} it too.`,
      )
    : localized('', '');
  const related: NonNullable<Report['related']> = found.alsoNeededBy.map((a) => ({
    span: a.input.node.span,
    message: localized(`juga diperlukan langkah ${number(a.step)}`, `also needed by step ${number(a.step)}`),
  }));
  const outside = localized(
    `bila '${needed}' datang dari luar SOP ini, tulis di 'Masukan Luar:'`,
    `if '${needed}' comes from outside this SOP, list it under 'Masukan Luar:'`,
  );
  let message: Localized;
  let hint: Localized;
  if (found.producer) {
    const producer = number(found.producer.step);
    const names = found.producer.outputs.map((o) => o.node.text);
    const plural = names.length > 1;
    message = localized(
      `Kelengkapan '${needed}' langkah ${step} tidak dihasilkan langkah sebelumnya, sedangkan Output ${quotedList(names, 'dan')} langkah ${producer} tidak dipakai langkah sesudahnya.${also.id}`,
      `Step ${step} needs '${needed}', which no earlier step produces, while step ${producer}'s Output${plural ? 's' : ''} ${quotedList(names, 'and')} ${plural ? 'are' : 'is'} used by no later step.${also.en}`,
    );
    const akin = found.producer.outputs.some((o) => kinship(o, found.input) > 0);
    hint = akin
      ? localized(
          `bila ${quotedList(names, 'atau')} adalah dokumen '${needed}', pakai satu nama untuk keduanya; ${outside.id}`,
          `if ${quotedList(names, 'or')} is the document '${needed}', use one name for both; ${outside.en}`,
        )
      : localized(
          `tulis di Output langkah ${producer} dokumen yang diserahkan ke langkah ${step}; ${outside.id}`,
          `name in step ${producer}'s Output the document it hands to step ${step}; ${outside.en}`,
        );
    for (const output of found.producer.outputs) {
      related.unshift({ span: output.node.span, message: localized(`Output langkah ${producer} yang tidak dipakai`, `step ${producer}'s unused Output`) });
    }
  } else if (found.nearest) {
    const nearest = found.nearest;
    const producer = number(nearest.step);
    message = localized(
      `Kelengkapan '${needed}' langkah ${step} tidak dihasilkan langkah sebelumnya; langkah ${producer} menghasilkan '${nearest.item.node.text}'.${also.id}`,
      `Step ${step} needs '${needed}', which no earlier step produces; step ${producer} produces '${nearest.item.node.text}'.${also.en}`,
    );
    hint = localized(
      `bila ini dokumen yang sama dengan '${nearest.item.node.text}' (langkah ${producer}), pakai satu nama untuk keduanya; ${outside.id}`,
      `if this is the same document as step ${producer}'s '${nearest.item.node.text}', use one name for both; ${outside.en}`,
    );
    related.unshift({ span: nearest.item.node.span, message: localized(`Output langkah ${producer}`, `step ${producer}'s Output`) });
  } else {
    message = localized(
      `Kelengkapan '${needed}' langkah ${step} tidak dihasilkan langkah sebelumnya.${also.id}`,
      `Step ${step} needs '${needed}', which no earlier step produces.${also.en}`,
    );
    hint = outside;
  }
  return { span: found.input.node.span, message, hint, ...(related.length ? { related } : {}) };
}
