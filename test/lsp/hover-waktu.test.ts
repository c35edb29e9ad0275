import { describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { hoverAt } from '../../src/lsp/features.js';
import { ReferenceTable } from '../../src/resolve/references.js';

const table = new ReferenceTable({ entries: [] }, []);

function hoverOnWaktu(waktu: string, language: 'id' | 'en' = 'en'): string | undefined {
  const text = ['Judul SOP: Contoh', 'Prosedur: Contoh', 'Pelaksana:', '  staf = Staf', '', '1. [staf] Menerima berkas', `   Waktu: ${waktu}`, ''].join('\n');
  const { document } = parseSop(text, 'contoh.sop');
  return hoverAt(document, text.indexOf(waktu) + 1, table, language)?.markdown;
}

describe('hover on a Waktu counts time as the form does', () => {
  it('gives clock units in minutes', () => {
    expect(hoverOnWaktu('2 jam')).toMatch(/\*\*120 minutes\*\*/);
    expect(hoverOnWaktu('15 menit', 'id')).toMatch(/\*\*15 menit\*\*/);
  });

  it('keeps days as days instead of counting a day as 24 hours', () => {
    const hover = hoverOnWaktu('3 hari kerja');
    expect(hover).toContain('**3 hari kerja**');
    expect(hover).not.toMatch(/4320|1440|minutes\*\*/);
    expect(hoverOnWaktu('1 hari', 'id')).toContain('dihitung dalam hari');
  });
});
