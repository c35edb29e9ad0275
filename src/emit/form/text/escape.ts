/** Escaping for the official form's markup: every piece of .sop text goes through one of these. */

/** Text content and attribute values of HTML and SVG (XML): `& < > " '`. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/FFFF) become
 * U+FFFD, so a stray control character in a .sop file cannot make the SVG ill-formed.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Escaped and XML-safe: the form every .sop string is written in. */
export function markup(text: string): string {
  return escapeMarkup(xmlSafe(text));
}
