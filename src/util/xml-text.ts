/**
 * The one XML escaper, shared by every XML-based output (JUnit reports, BPMN, the form's SVG and
 * HTML). XML 1.0 forbids some characters outright, escaped or not: C0 controls other than tab, LF
 * and CR, lone surrogates (UTF-16 halves without their pair) and the noncharacters U+FFFE/U+FFFF.
 * They become U+FFFD (the replacement character), so that a stray character in a .sop file is shown
 * as damaged rather than silently lost, and can never make the output ill-formed.
 */

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text content or an attribute value (XML, and HTML too): XML-safe, with `& < > " '` escaped
 * (`&#39;` for the apostrophe, which HTML and XML both read).
 */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/**
 * An attribute value whose line breaks and tabs survive: as character references, which attribute
 * value normalisation would otherwise turn into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\r\n|[\n\r\t]/g, (ch) => (ch === '\t' ? '&#9;' : '&#10;'));
}
