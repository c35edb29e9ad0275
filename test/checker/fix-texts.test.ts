import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/configuration.js';
import type { FileRule } from '../../src/rules/rule.js';
import { localized } from '../../src/diagnostics/diagnostic.js';
import { fixTexts, MAX_PASSES } from '../../src/fix.js';

const config = () => {
  const c = defaultConfig();
  c.settings.externalSops = ['SOP Surat Keluar', 'SOP SPPD'];
  return c;
};

describe('fixTexts', () => {
  it("adds missing Keterkaitan lines with the file's own line ends and indentation, in the order the steps use them", async () => {
    const lines = [
      'Judul SOP: Contoh',
      'Keterkaitan:',
      '    - SOP Surat Keluar',
      'Prosedur: P',
      'Pelaksana:',
      '  a = A',
      '  1. [a] x',
      '     Keterangan: SOP SPPD dan SOP Surat Keluar',
      '  2. [a] y',
      '     Keterangan: SOP Lain',
    ];
    const files = [{ path: 'a.sop', text: lines.join('\r\n') + '\r\n' }];
    const { fixed } = await fixTexts(files, { config: config() });
    expect(files[0].text).toBe([...lines.slice(0, 3), '    - SOP SPPD', ...lines.slice(3)].join('\r\n') + '\r\n');
    expect(fixed.get('a.sop')).toBe(1); // 'SOP Lain' is not declared: left to the author
  });

  it('fixes as many passes as it takes when fixes touch one another, and counts each', async () => {
    // Two insertions at the same place cannot go in one pass.
    const text =
      'Judul SOP: Contoh\nKeterkaitan:\nProsedur: P\nPelaksana:\n  a = A\n  1. [a] x\n     Keterangan: SOP SPPD\n  2. [a] y\n     Keterangan: SOP Surat Keluar\n';
    const files = [{ path: 'a.sop', text }];
    const { fixed, result } = await fixTexts(files, { config: config() });
    expect(files[0].text).toContain('Keterkaitan:\n  - SOP SPPD\n  - SOP Surat Keluar\nProsedur: P');
    expect(fixed.get('a.sop')).toBe(2);
    expect(result.diagnostics.filter((d) => d.ruleId === 'xref/missing-keterkaitan')).toEqual([]);
  });

  it('stops after MAX_PASSES when fixes keep undoing each other, and reports what is left', async () => {
    // A rule whose fix of 'Ya' is 'Tidak' and of 'Tidak' is 'Ya': it never settles.
    const flipFlop: FileRule = {
      meta: {
        id: 'test/flip-flop',
        description: localized('x', 'x'),
        rationale: localized('x', 'x'),
        defaultSeverity: 'warning',
        presets: ['strict'],
        scope: 'file',
        fixable: true,
      },
      create: (context) => ({
        document: (document) => {
          const title = document.identity.judul?.text;
          if (!title) return;
          context.report({ span: title.span, message: localized('x', 'x'), fix: { span: title.span, text: title.text === 'Ya' ? 'Tidak' : 'Ya' } });
        },
      }),
    };
    const c = config();
    c.rules['test/flip-flop'] = { severity: 'warning', options: {} };
    const files = [{ path: 'a.sop', text: 'Judul SOP: Ya\n' }];
    const { fixed, result } = await fixTexts(files, { config: c, rules: [flipFlop] });
    expect(fixed.get('a.sop')).toBe(MAX_PASSES);
    expect(files[0].text).toBe(MAX_PASSES % 2 === 0 ? 'Judul SOP: Ya\n' : 'Judul SOP: Tidak\n');
    expect(result.diagnostics.filter((d) => d.ruleId === 'test/flip-flop')).toHaveLength(1);
  });
});
