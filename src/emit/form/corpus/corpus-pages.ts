/**
 * The pages of a rendered corpus (`soplint render sops/ --format html -o site/`): index.html lists
 * every SOP with its step count and total Waktu; keterkaitan.html draws who names whom.
 */
import { basename } from 'node:path';
import type { RenderInput, SiteOptions } from '../../registry.js';
import { htmlPage } from '../html/page-shell.js';
import { markup } from '../text/escape.js';
import { keterkaitanSvg } from './graph-svg.js';
import { buildKeterkaitanGraph, externalAnchor, type SopLink, type SopNode } from './links.js';
import { formatWaktuTotal, stepCount, waktuTotal } from './waktu-total.js';

const CORPUS_CSS = `
* { box-sizing: border-box; }
html { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.4; color: #000; background: #fff; }
body { margin: 0 auto; padding: 8mm; max-width: 300mm; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
h1 { font-size: 16pt; margin: 0 0 3mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
a { color: #0b3d91; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 1.2mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f0f0f0; }
td.count { text-align: right; }
th { overflow-wrap: normal; }
col.nomor { width: 20%; }
col.judul { width: 44%; }
col.langkah { width: 10%; }
col.waktu { width: 26%; }
figure { margin: 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
.note { font-size: 9pt; margin-top: 3mm; }
@page { size: A4 landscape; margin: 10mm; }
`;

function sortKey(input: RenderInput): string {
  const match = /^SOP-(\d+)/i.exec(input.document.identity.nomor?.text?.text.trim() ?? '');
  return match ? match[1].padStart(8, '0') : `~${input.source.path}`;
}

/**
 * A link to a page of the site: always a relative path ('./'), its name percent-encoded whole, so a
 * file named 'javascript:alert(1).sop' links to './javascript%3Aalert(1).html', never runs a script.
 */
export function pageHref(name: string): string {
  return `./${encodeURIComponent(name)}`;
}

function link(href: string | undefined, text: string): string {
  return href ? `<a href="${markup(pageHref(href))}">${markup(text)}</a>` : markup(text);
}

export function indexPage(inputs: RenderInput[], outputs: Map<string, string>): string {
  const sorted = [...inputs].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.source.path.localeCompare(b.source.path)));
  const rows = sorted.map((input) => {
    const identity = input.document.identity;
    const title = identity.judul?.text?.text ?? basename(input.source.path);
    return [
      '<tr>',
      `<td>${markup(identity.nomor?.text?.text ?? '')}</td>`,
      `<td>${link(outputs.get(input.source.path), title)}</td>`,
      `<td class="count">${stepCount(input.document)}</td>`,
      `<td>${markup(formatWaktuTotal(waktuTotal(input.document)))}</td>`,
      '</tr>',
    ].join('');
  });
  const steps = inputs.reduce((sum, input) => sum + stepCount(input.document), 0);
  const body = [
    '<main>',
    '<h1>Daftar SOP</h1>',
    `<p>${inputs.length} SOP, ${steps} langkah. <a href="keterkaitan.html">Keterkaitan antar-SOP</a></p>`,
    '<table>',
    '<caption class="visually-hidden">Daftar SOP: nomor, judul, jumlah langkah, total waktu</caption>',
    '<colgroup><col class="nomor"><col class="judul"><col class="langkah"><col class="waktu"></colgroup>',
    '<thead><tr><th scope="col">Nomor SOP</th><th scope="col">Judul SOP</th><th scope="col">Langkah</th><th scope="col">Total Waktu</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '<p class="note">Total Waktu: jumlah Waktu semua langkah. Menit dan jam dijumlah menjadi jam dan menit (jam kerja dihitung sebagai jam); hari (termasuk hari kerja), minggu dan bulan dijumlah dalam satuannya sendiri. Langkah dengan Waktu “Menyesuaikan” tidak dapat dijumlah dan disebut terpisah.</p>',
    '</main>',
  ].join('\n');
  return htmlPage({ title: 'Daftar SOP', css: CORPUS_CSS, body });
}

/** The SOPs outside the corpus, each with an id the SOP pages link to, and who names it. */
function externalList(nodes: SopNode[], links: SopLink[], outputs: Map<string, string>): string[] {
  const external = nodes.filter((n) => n.kind === 'external');
  if (external.length === 0) return [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const items = external.map((node) => {
    const naming = links
      .filter((l) => l.to === node.id)
      .map((l) => byId.get(l.from)!)
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .map((from) => link(from.file ? outputs.get(from.file) : undefined, from.label));
    return `<li id="${externalAnchor(node.id.slice('external:'.length))}">${markup(node.label)}: disebut oleh ${naming.join(', ')}</li>`;
  });
  return ['<h2>SOP lain yang disebut</h2>', `<ul>\n${items.join('\n')}\n</ul>`];
}

function linkRows(nodes: SopNode[], links: SopLink[], outputs: Map<string, string>): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const cell = (node: SopNode) => link(node.file ? outputs.get(node.file) : undefined, node.label);
  return links
    .map((l) => ({ l, from: byId.get(l.from)!, to: byId.get(l.to)! }))
    .sort((a, b) => (a.from.sortKey < b.from.sortKey ? -1 : a.from.sortKey > b.from.sortKey ? 1 : a.to.sortKey < b.to.sortKey ? -1 : 1))
    .map(({ l, from, to }) => {
      const where = [l.inKeterkaitan ? 'Keterkaitan' : '', l.inKeterangan ? 'Keterangan' : ''].filter(Boolean).join(', ');
      return `<tr><td>${cell(from)}</td><td>${cell(to)}</td><td>${to.kind === 'corpus' ? 'dalam korpus' : 'SOP lain'}</td><td>${where}</td></tr>`;
    });
}

export function keterkaitanPage(inputs: RenderInput[], outputs: Map<string, string>, site: SiteOptions = {}): string {
  const graph = buildKeterkaitanGraph(inputs, site.externalSops);
  const corpusCount = graph.nodes.filter((n) => n.kind === 'corpus').length;
  const externalCount = graph.nodes.length - corpusCount;
  const description = `${corpusCount} SOP dalam korpus dan ${externalCount} SOP lain yang disebut; ${graph.links.length} keterkaitan. Daftar lengkapnya ada pada tabel di bawah gambar.`;
  const rows = linkRows(graph.nodes, graph.links, outputs);
  const body = [
    '<main>',
    '<h1>Keterkaitan antar-SOP</h1>',
    '<p><a href="index.html">Daftar SOP</a></p>',
    '<figure>',
    keterkaitanSvg(graph, 'Graf keterkaitan antar-SOP', description, (node) => {
      if (node.kind === 'external') return `#${externalAnchor(node.id.slice('external:'.length))}`;
      const page = node.file ? outputs.get(node.file) : undefined;
      return page ? pageHref(page) : undefined;
    }),
    '<figcaption class="note">Garis utuh: disebut pada Keterkaitan; garis putus-putus: hanya disebut pada Keterangan suatu langkah. Kotak abu-abu: SOP di luar korpus. Klik sebuah kotak untuk membuka SOP-nya.</figcaption>',
    '</figure>',
    ...externalList(graph.nodes, graph.links, outputs),
    '<h2>Daftar keterkaitan</h2>',
    rows.length
      ? [
          '<table>',
          '<thead><tr><th scope="col">SOP</th><th scope="col">Menyebut</th><th scope="col">Jenis</th><th scope="col">Disebut pada</th></tr></thead>',
          `<tbody>\n${rows.join('\n')}\n</tbody>`,
          '</table>',
        ].join('\n')
      : '<p>Tidak ada keterkaitan.</p>',
    '</main>',
  ].join('\n');
  return htmlPage({ title: 'Keterkaitan antar-SOP', css: CORPUS_CSS, body });
}

export function renderCorpus(inputs: RenderInput[], outputs: Map<string, string>, site: SiteOptions = {}): Record<string, string> {
  return { 'index.html': indexPage(inputs, outputs), 'keterkaitan.html': keterkaitanPage(inputs, outputs, site) };
}
