/**
 * Text from an SOP inside Markdown: HTML specials become entities; the punctuation that Markdown
 * (and GitHub: `$` math, `~` strikethrough) would act on inside a line is backslash-escaped, which is
 * valid CommonMark for any ASCII punctuation; a line break becomes <br>, so a table cell never ends
 * its row early. Other punctuation stays as written, so the file stays readable as text.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~$])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, '<br>');
}
