import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/checker/apply-fixes.js';

describe('applyFixes', () => {
  const text = 'Waktu: 1 jm\nTanggal: 13-10-2015\n';
  const waktu = { offset: 7, endOffset: 11, text: '1 jam' };
  const tanggal = { offset: 21, endOffset: 31, text: '13 Oktober 2015' };

  it('applies fixes in any order, each at its own offsets', () => {
    for (const fixes of [
      [waktu, tanggal],
      [tanggal, waktu],
    ]) {
      const outcome = applyFixes(text, fixes);
      expect(outcome.text).toBe('Waktu: 1 jam\nTanggal: 13 Oktober 2015\n');
      expect(outcome.applied).toEqual([waktu, tanggal]);
      expect(outcome.deferred).toEqual([]);
    }
  });

  it('defers a fix that overlaps or touches one already taken, and one that does not fit the text', () => {
    const overlapping = { offset: 9, endOffset: 12, text: 'x' };
    const touching = { offset: 11, endOffset: 11, text: '!' };
    const outside = { offset: 30, endOffset: 99, text: 'y' };
    const backwards = { offset: 5, endOffset: 2, text: 'z' };
    const outcome = applyFixes(text, [overlapping, waktu, touching, outside, backwards]);
    expect(outcome.text).toBe('Waktu: 1 jam\nTanggal: 13-10-2015\n');
    expect(outcome.applied).toEqual([waktu]);
    expect(outcome.deferred).toEqual(expect.arrayContaining([overlapping, touching, outside, backwards]));
    expect(outcome.deferred).toHaveLength(4);
  });

  it('counts a fix whose text is already in place as nothing to do', () => {
    const outcome = applyFixes('Waktu: 1 jam\n', [{ offset: 7, endOffset: 12, text: '1 jam' }]);
    expect(outcome).toEqual({ text: 'Waktu: 1 jam\n', applied: [], deferred: [] });
  });
});
