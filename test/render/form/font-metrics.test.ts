/** The DejaVu Sans widths the form wraps text with are the installed font's (scripts/generate-font-metrics.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontMetricsSource, METRICS_PATH } from '../../../scripts/generate-font-metrics.js';
import { textWidth } from '../../../src/emit/form/text/metrics.js';
import { fromRoot } from '../../helpers/paths.js';

const hasFonts = existsSync(FONT_FILES.regular) && existsSync(FONT_FILES.bold);
if (!hasFonts && !process.env.CI) console.warn('skipping the font metrics check: fonts-dejavu-core is not installed');

describe('DejaVu Sans metrics', () => {
  it.runIf(hasFonts || !!process.env.CI)('src/generated/dejavu-sans-metrics.ts is current (npx tsx scripts/generate-font-metrics.ts)', () => {
    expect(readFileSync(fromRoot(METRICS_PATH), 'utf8')).toBe(fontMetricsSource());
  });

  it('measures text with the font’s advance widths', () => {
    // DejaVu Sans: "A" is 1401 units of 2048, the space 651; bold is wider.
    expect(textWidth('A', 2048)).toBe(1401);
    expect(textWidth('A A', 2048)).toBe(1401 * 2 + 651);
    expect(textWidth('Kelengkapan', 10, true)).toBeGreaterThan(textWidth('Kelengkapan', 10));
    // Unknown characters (CJK, emoji) count wide, so wrapped text still fits.
    expect(textWidth('漢', 10)).toBeGreaterThanOrEqual(10);
  });
});
