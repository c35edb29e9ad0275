import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { suggestDate, suggestDuration } from '../../src/ast/value-suggestions.js';
import { parseDate, parseDuration } from '../../src/ast/values.js';

// Property runs over generated values.
vi.setConfig({ testTimeout: 60_000 });

describe('suggestDate', () => {
  it.each([
    ['13-10-2015', '13 Oktober 2015'],
    ['13/10/2017', '13 Oktober 2017'],
    ['04.01.2016', '04 Januari 2016'],
    ['2016/01/04', '04 Januari 2016'],
    ['4 Jan 2016', '4 Januari 2016'],
    ['17 Agt 2016', '17 Agustus 2016'],
    ['1 Sept. 2015', '1 September 2015'],
    ['13 October 2015', '13 Oktober 2015'],
    ['13 Oktber 2015', '13 Oktober 2015'],
    ['13-Okt-2015', '13 Oktober 2015'],
  ])('%s → %s', (written, meant) => {
    expect(suggestDate(written)).toBe(meant);
  });

  it.each(['31-02-2015', '13-13-2015', 'kemarin', '13 Ju 2015', '2015'])('has nothing to suggest for %s', (written) => {
    expect(suggestDate(written)).toBeNull();
  });

  it('only ever suggests a date that parses', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const meant = suggestDate(text);
        return meant === null || parseDate(meant) !== null;
      }),
    );
  });
});

describe('suggestDuration', () => {
  it.each([
    ['30 mnt', '30 menit'],
    ['2 hr', '2 hari'],
    ['1 (satu) hari', '1 hari'],
    ['3 (tiga) Hari Kerja', '3 hari kerja'],
    ['2 jm', '2 jam'],
    ['1 mgg', '1 minggu'],
    ['1 bln', '1 bulan'],
    ['2 hours', '2 jam'],
    ['1,5 jam.', '1,5 jam'],
    ['15 menut', '15 menit'],
    ['dua hari', '2 hari'],
    ['Satu Jam', '1 jam'],
    ['setengah hari', '0,5 hari'],
    ['dua belas jam', '12 jam'],
    ['seminggu', '1 minggu'],
  ])('%s → %s', (written, meant) => {
    expect(suggestDuration(written)).toBe(meant);
  });

  it.each(['secepatnya', 'jam', '2 x 24 jam', '1 tahun'])('has nothing to suggest for %s', (written) => {
    expect(suggestDuration(written)).toBeNull();
  });

  it('only ever suggests a Waktu that parses', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const meant = suggestDuration(text);
        return meant === null || parseDuration(meant) !== null;
      }),
    );
  });
});
