/**
 * An SOP's page in a rendered folder (`soplint render sops/ --format html -o site/`): the official
 * form as `render` draws it, with a bar of links above it that the printed form leaves out: back to
 * the index, to the Keterkaitan graph, and to the playground with this SOP's text in the link
 * (`playground/index.html#sop=<base64url>`, the playground deployed beside the site, see
 * docs/editors.md); the total Waktu; and the Keterkaitan entries of the identity sheet as links to
 * the pages of the SOPs they name (an SOP outside the site: its entry on keterkaitan.html). Every link is relative and percent-encoded (pageHref).
 */
import { documentReferences, ReferenceTable } from '../../../resolve/references.js';
import { indexEntry } from '../../../resolve/corpus-index.js';
import type { CorpusContext, RenderInput } from '../../registry.js';
import type { PageExtras } from '../html-emitter.js';
import { markup } from '../text/escape.js';
import { pageHref } from './corpus-pages.js';
import { externalAnchor, externalKey } from './links.js';
import { formatWaktuTotal, waktuTotal } from './waktu-total.js';

/** Where the playground is, relative to the site's pages. */
export const PLAYGROUND_PAGE = 'playground/index.html';

/** A link that opens the playground with `text` in it (the format the playground reads: UTF-8 in base64url). */
export function playgroundHref(text: string): string {
  return `./${PLAYGROUND_PAGE}#sop=${base64url(text)}`;
}

/** UTF-8 in base64url without padding, with what Node and browsers both have. */
function base64url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

const SITE_CSS = `
nav.site { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 0 0 4mm; padding: 2mm 0; border-bottom: 1px solid #000; display: flex; flex-wrap: wrap; gap: 2mm 6mm; align-items: baseline; }
nav.site a { color: #0b3d91; }
nav.site p { margin: 0; }
@media print { nav.site { display: none; } }
`;

/** One reference table per rendered corpus, for every page of it. */
const tables = new WeakMap<RenderInput[], ReferenceTable>();
function tableOf(corpus: CorpusContext): ReferenceTable {
  let table = tables.get(corpus.inputs);
  if (!table) {
    const entries = corpus.inputs.map((input) => indexEntry(input.document, input.source, documentReferences(input.document, input.source)));
    table = new ReferenceTable({ entries }, corpus.externalSops ?? []);
    tables.set(corpus.inputs, table);
  }
  return table;
}

/** The identity sheet with each Keterkaitan entry that names an SOP of the site made a link to its page. */
function linkKeterkaitan(html: string, input: RenderInput, corpus: CorpusContext): string {
  const references = input.document.identity.keterkaitan?.references ?? [];
  if (references.length === 0) return html;
  const heading = html.indexOf('>Keterkaitan</th>');
  const cellStart = heading < 0 ? -1 : html.indexOf('<td colspan="2">', heading);
  const cellEnd = cellStart < 0 ? -1 : html.indexOf('</td>', cellStart);
  if (cellEnd < 0) return html;
  const table = tableOf(corpus);
  let cell = html.slice(cellStart, cellEnd);
  let from = 0;
  for (const reference of references) {
    // An SOP of the site: its page; any other: its entry on the Keterkaitan page (who else names it).
    const target = table.resolve(reference.text);
    const page = target?.entry
      ? target.entry.file !== input.source.path
        ? corpus.outputs.get(target.entry.file)
        : undefined
      : `keterkaitan.html#${externalAnchor(externalKey(target?.canonical ?? reference.text.trim()))}`;
    const written = markup(reference.text);
    const at = cell.indexOf(written, from);
    if (at < 0) continue;
    if (!page) {
      from = at + written.length;
      continue;
    }
    const [name, fragment] = page.split('#');
    const anchor = `<a href="${markup(pageHref(name))}${fragment ? `#${fragment}` : ''}">${written}</a>`;
    cell = cell.slice(0, at) + anchor + cell.slice(at + written.length);
    from = at + anchor.length;
  }
  return html.slice(0, cellStart) + cell + html.slice(cellEnd);
}

export function sopPageExtras(input: RenderInput, corpus: CorpusContext): PageExtras {
  const total = formatWaktuTotal(waktuTotal(input.document));
  const header = [
    '<nav class="site" aria-label="Situs SOP">',
    `<a href="${markup(pageHref('index.html'))}">← Daftar SOP</a>`,
    `<a href="${markup(pageHref('keterkaitan.html'))}">Keterkaitan antar-SOP</a>`,
    `<a href="${markup(playgroundHref(input.source.text))}">Buka di playground (coba ubah SOP ini)</a>`,
    `<p>Total Waktu: ${markup(total)}</p>`,
    '</nav>',
  ].join('\n');
  return { header, css: SITE_CSS, identity: (html) => linkKeterkaitan(html, input, corpus) };
}
