/** The corpus pages: index.html (number, title, steps, total Waktu, links) and keterkaitan.html (the graph). */
import { describe, expect, it } from 'vitest';
import { buildKeterkaitanGraph } from '../../../src/emit/form/corpus/links.js';
import { formatWaktuTotal, waktuTotal } from '../../../src/emit/form/corpus/waktu-total.js';
import { renderCorpus } from '../../../src/emit/form/corpus/corpus-pages.js';
import { parseSop } from '../../../src/ast/parse.js';
import { fromRoot } from '../../helpers/paths.js';
import { corpusPages, FIXTURES, rendered } from './render-helpers.js';

const sop = (file: string, lines: string[]) => {
  const { document, source } = parseSop(lines.join('\n') + '\n', file);
  return { document, source };
};

describe('total Waktu', () => {
  it('adds minutes and hours into hours and minutes, keeps days apart', () => {
    const { document } = rendered(fromRoot('test/render/fixtures/long-table.sop')).input;
    expect(formatWaktuTotal(waktuTotal(document))).toBe('1 hari 13 jam 30 menit');
  });

  it('names the steps it cannot add, and says "—" when there is nothing', () => {
    const document = sop('w.sop', [
      'Prosedur: P',
      'Pelaksana:',
      '  a = A',
      '  1. [a] Satu',
      '     Waktu: 2 minggu',
      '  2. [a] Dua',
      '     Waktu: 1 hari kerja',
      '  3. [a] Tiga',
      '     Waktu: 4 jam kerja',
      '  4. [a] Empat',
      '     Waktu: Menyesuaikan',
      '  5. [a] Lima',
      '     Waktu: 1 bulan',
      '  6. [a] Enam',
      '     Waktu: 45 menit',
      '  7. [a] Tujuh',
      '     Waktu: 30 menit',
    ]).document;
    expect(formatWaktuTotal(waktuTotal(document))).toBe('1 bulan 2 minggu 1 hari 5 jam 15 menit + 1 langkah menyesuaikan');
    expect(formatWaktuTotal(waktuTotal(rendered(fromRoot('test/render/fixtures/decisions.sop')).input.document))).toBe('—');
  });

  it('adds the first of alternatives and says so; qualifiers and fractions add as times', () => {
    const document = sop('w.sop', [
      'Prosedur: P',
      'Pelaksana:',
      '  a = A',
      '  1. [a] Satu',
      '     Waktu: 120 menit / 3 hari',
      '  2. [a] Dua',
      '     Waktu: 1/2 hari kerja (paling lama)',
      '  3. [a] Tiga',
      '     Waktu: Seketika (otomatis)',
      '  4. [a] Empat',
      '     Waktu: 1 x 24 jam',
    ]).document;
    const waktu = document.procedures[0].steps[0].waktu!;
    expect(waktu.alternatives?.map((a) => a.duration)).toEqual([
      { amount: 120, unit: 'menit' },
      { amount: 3, unit: 'hari' },
    ]);
    expect(document.procedures[0].steps[1].waktu?.qualifier).toBe('paling lama');
    expect(formatWaktuTotal(waktuTotal(document))).toBe('0,5 hari 26 jam (1 langkah: pilihan waktu pertama)');
  });
});

describe('index.html', () => {
  it('lists every SOP with its number, linked title, step count and total Waktu', () => {
    const index = corpusPages(FIXTURES)['index.html'];
    expect(index).toContain(
      '<td>SOP-900/TEST</td><td><a href="./long-table.html">Tabel Panjang</a></td><td class="count">13</td><td>1 hari 13 jam 30 menit</td>',
    );
    expect(index).toContain('<a href="./decisions.html">decisions.sop</a></td><td class="count">6</td><td>—</td>');
    expect(index).toContain('<a href="./hostile.html">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(index).toContain('5 SOP, 35 langkah.');
    expect(index).toContain('href="keterkaitan.html"');
  });
});

describe('keterkaitan.html', () => {
  const inputs = [
    sop('sops/a.sop', ['Nomor SOP: SOP-101/X', 'Judul SOP: Pembuatan Surat', 'Keterkaitan:', '  - SOP-102/X', '  - SOP Surat Keluar']),
    sop('sops/b.sop', [
      'Nomor SOP: SOP-102/X',
      'Judul SOP: Pengarsipan',
      'Prosedur: P',
      'Pelaksana:',
      '  a = A',
      '  1. [a] Mulai',
      '     Keterangan: SOP Pembuatan Surat dan SOP SPPD',
    ]),
  ];

  it('links corpus SOPs by number and title, and names external SOPs once', () => {
    const graph = buildKeterkaitanGraph(inputs);
    expect(graph.nodes.map((n) => `${n.kind}:${n.label}`)).toEqual([
      'corpus:SOP-101/X Pembuatan Surat',
      'corpus:SOP-102/X Pengarsipan',
      'external:SOP SPPD',
      'external:SOP Surat Keluar',
    ]);
    const links = graph.links.map((l) => `${l.from} → ${l.to} ${l.inKeterkaitan ? 'K' : ''}${l.inKeterangan ? 'k' : ''}`).sort();
    expect(links).toEqual([
      'file:sops/a.sop → external:surat keluar K',
      'file:sops/a.sop → file:sops/b.sop K',
      'file:sops/b.sop → external:sppd k',
      'file:sops/b.sop → file:sops/a.sop k',
    ]);
  });

  it('draws the graph as an inline SVG and lists the same links in a table', () => {
    const page = renderCorpus(
      inputs,
      new Map([
        ['sops/a.sop', 'a.html'],
        ['sops/b.sop', 'b.html'],
      ]),
    )['keterkaitan.html'];
    expect(page).toMatch(/<svg [^>]*role="group" aria-labelledby="graph-title graph-desc"/);
    // Corpus SOPs link to their pages, external ones to their entry under the graph.
    expect((page.match(/<a href="\.\/[ab]\.html" class="node"><g data-node="corpus"/g) ?? []).length).toBe(2);
    expect((page.match(/<a href="#sop-lain-[a-z-]+" class="node"><g data-node="external"/g) ?? []).length).toBe(2);
    expect(page).toContain('<li id="sop-lain-surat-keluar">SOP Surat Keluar: disebut oleh <a href="./a.html">');
    expect((page.match(/<g class="edge" data-from="file:sops\/[ab]\.sop" data-to="file:/g) ?? []).length).toBe(2);
    expect((page.match(/<g class="edge" data-from="file:sops\/[ab]\.sop" data-to="external:/g) ?? []).length).toBe(2);
    expect(page).toContain('<tr><td><a href="./a.html">SOP-101/X Pembuatan Surat</a></td><td>SOP Surat Keluar</td><td>SOP lain</td><td>Keterkaitan</td></tr>');
  });

  it('treats the external SOPs of the fixtures as one node', () => {
    const graph = buildKeterkaitanGraph(FIXTURES.map((f) => rendered(f).input));
    expect(graph.nodes.filter((n) => n.kind === 'external').map((n) => n.label)).toEqual(['SOP Surat Keluar']);
    expect(graph.links).toHaveLength(2);
  });
});
