/** What both chain rules hand the document-chain analysis: the same inputs, so they read one analysis. */
import type { Procedure } from '../../ast/types.js';
import { analyseChain, chainVocabulary, type ChainAnalysis } from '../../resolve/document-chain.js';
import { normalizeArtifact } from '../../resolve/artifacts.js';
import type { FileRuleContext } from '../rule.js';

/** Both chain rules take this option: words that name kinds of documents of an office's own. */
export const documentWordsOption = {
  optionsSchema: {
    type: 'object',
    properties: {
      documentWords: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'More words that name a kind of document (e.g. "resep", "spesimen"); items without such a word are not chain documents.',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { documentWords: [] as string[] },
};

export function chainOf(context: FileRuleContext, procedure: Procedure): ChainAnalysis {
  const { document, settings, symbols, source, options } = context;
  const resolved = symbols.procedures.find((p) => p.procedure === procedure)!;
  return analyseChain({
    resolved,
    sourceText: source.text,
    vocabulary: chainVocabulary((options.documentWords as string[] | undefined) ?? []),
    declaredOutside: [...(document.identity.masukanLuar?.items ?? []).map((i) => normalizeArtifact(i.text)), ...settings.externalInputs.map(normalizeArtifact)],
    equipment: (document.identity.peralatan?.items ?? []).map((i) => normalizeArtifact(i.text)),
  });
}

/** "3" or "?" for a step without a number. */
export const numberOf = (procedure: Procedure, index: number): string => String(procedure.steps[index].number ?? '?');

/** 'A', 'B' and 'C' / 'A', 'B' dan 'C' */
export function quotedList(names: string[], and: string): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${and} ${quoted[quoted.length - 1]}`;
}
