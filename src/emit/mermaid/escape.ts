/**
 * Text from an SOP inside a quoted Mermaid label: Mermaid reads `#name;` entity codes and HTML in
 * labels, so every character that could mean something is written as an entity code.
 */
const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '|': '#124;',
  '`': '#96;',
  '\\': '#92;',
  '%': '#37;',
};

export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[#"<>&|`\\%]/g, (ch) => ENTITIES[ch])
    .trim();
}
