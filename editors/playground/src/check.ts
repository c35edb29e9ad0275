/**
 * The checker and the form renderer as the playground runs them, in the browser, from the same
 * source as the CLI: parse, file rules and corpus rules over this one file, suppressions, and the
 * official form as HTML. Nothing here touches a file system.
 */
import { parseSop } from '../../../src/ast/parse.js';
import { checkCorpus } from '../../../src/checker/run.js';
import { defaultConfig } from '../../../src/config/default.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { renderHtml } from '../../../src/emit/form/html-emitter.js';
import { ALL_RULES } from '../../../src/rules/index.js';

export const FILE_NAME = 'playground.sop';

/** Rules that need the rest of a book: one file alone would only show its references as unknown. */
const BOOK_ONLY_RULES = ['xref/unresolved', 'corpus/one-way-keterkaitan'];

const config = defaultConfig(ALL_RULES);
for (const id of BOOK_ONLY_RULES) if (config.rules[id]) config.rules[id] = { ...config.rules[id], severity: 'off' };

export function checkText(text: string): Diagnostic[] {
  return checkCorpus([{ path: FILE_NAME, read: () => text }], { config, rules: ALL_RULES }).diagnostics;
}

export function formHtml(text: string): string {
  return renderHtml(parseSop(text, FILE_NAME).document);
}
