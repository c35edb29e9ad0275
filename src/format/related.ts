/** Related locations of a finding (where a duplicate was first declared, ...) as plain text, for every report. */
import type { Diagnostic, Language } from '../diagnostics/diagnostic.js';

type Related = NonNullable<Diagnostic['related']>[number];

/** `sops/x.sop:12:3: first declared here` */
export const relatedLine = (r: Related, language: Language): string => `${r.file}:${r.line}:${r.column}: ${r.message[language]}`;

/** Each related location on a line of its own, after a finding's text; '' without any. */
export function relatedLines(d: Diagnostic, language: Language, prefix = ''): string {
  return (d.related ?? []).map((r) => `\n${prefix}${relatedLine(r, language)}`).join('');
}
