/**
 * Reports and renderings for library users: the registries `soplint check -f` and `soplint render -t`
 * use, behind one call each. Each format's code is loaded only when that format is asked for.
 */
import { loadEmitter, type RenderInput, withLogo } from './emit/registry.js';
import { FORMATTERS, REPORT_FORMATS } from './format/registry.js';
import type { ReportInput } from './format/types.js';

/** A report of findings in one of the `soplint check -f` formats (stylish, json, sarif, ...). */
export async function formatReport(format: string, input: ReportInput): Promise<string> {
  const load = FORMATTERS[format];
  if (!load) throw new Error(`unknown report format '${format}' (known: ${REPORT_FORMATS.join(', ')})`);
  return (await load())(input);
}

/**
 * One SOP rendered in one of the `soplint render -t` formats: a string for text formats (md,
 * mermaid, svg, html, bpmn, ...), the bytes of a file for binary ones (pdf, docx). `parsed` is
 * what `parseSop()` returns (its document and source). The logo `Logo:` names is read relative to
 * `source.path` unless `parsed.logo` gives one (`null`: none).
 */
export async function render(format: string, parsed: RenderInput): Promise<string | Uint8Array> {
  const emitter = await loadEmitter(format);
  return emitter.render(withLogo({ document: parsed.document, source: parsed.source, logo: parsed.logo }));
}
