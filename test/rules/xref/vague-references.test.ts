import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfigFile } from '../../../src/configuration.js';
import { fixTexts } from '../../../src/fix.js';
import { lintTexts } from '../../../src/lint.js';
import { vagueReference } from '../../../src/resolve/references.js';

/** "SOP SK": reported as unidentifiable, never declarable as external, never added by --fix. */
describe('vague SOP references', () => {
  it('are an abbreviation of three letters or fewer, or one ordinary word, after "SOP"', () => {
    expect(vagueReference('SOP SK')).toEqual({ kind: 'abbreviation', word: 'SK' });
    expect(vagueReference('SOP SK.')).toEqual({ kind: 'abbreviation', word: 'SK' });
    expect(vagueReference('SOP Keuangan')).toEqual({ kind: 'word', word: 'Keuangan' });
    for (const identified of ['SOP SPPD', 'SOP P2WKSS', 'SOP Surat Keluar', 'SOP 4', 'SOP-405/BKBPM', 'S.O.P Pengelolaan Surat Masuk'])
      expect(vagueReference(identified), identified).toBeUndefined();
  });

  it('cannot be declared in externalSops: the configuration is refused at the name, saying what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-vague-'));
    const path = join(dir, '.soplintrc.yaml');
    writeFileSync(path, 'externalSops:\n  - SOP Surat Keluar\n  - SOP SK\n');
    let error: unknown;
    try {
      loadConfigFile(path, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect([configError.line, configError.column]).toEqual([3, 5]);
    expect(configError.message).toContain("/externalSops/1: 'SOP SK' cannot be declared as an external SOP");
    expect(configError.message).toContain("only the abbreviation 'SK'");
    expect(configError.message).toContain('full title');
    // A full title is accepted.
    writeFileSync(path, 'externalSops:\n  - SOP Surat Keluar\n  - SOP SPPD\n');
    expect(loadConfigFile(path, dir).settings.externalSops).toEqual(['SOP Surat Keluar', 'SOP SPPD']);
  });

  it('are reported once per place by xref/vague alone, and --fix never writes them into Keterkaitan', async () => {
    const text = [
      'Judul SOP: Contoh',
      'Keterkaitan:',
      '  - SOP Surat Keluar',
      'Prosedur: P',
      'Pelaksana:',
      '  a = A',
      '  1. [a] x',
      '     Keterangan: SOP SK',
      '  2. [a] y',
      '     Keterangan: SOP SPPD dan SOP Surat Keluar',
      '',
    ].join('\n');
    const config = defaultConfig();
    // Even a configuration built in code that declares it does not make it resolve.
    config.settings.externalSops = ['SOP Surat Keluar', 'SOP SPPD', 'SOP SK'];
    const xref = lintTexts([{ path: 'a.sop', text }], { config }).diagnostics.filter((d) => d.ruleId.startsWith('xref/'));
    expect(xref.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['8 xref/vague', '10 xref/missing-keterkaitan']);
    const files = [{ path: 'a.sop', text }];
    await fixTexts(files, { config });
    expect(files[0].text).toContain('Keterkaitan:\n  - SOP Surat Keluar\n  - SOP SPPD\nProsedur: P');
    expect(files[0].text).not.toContain('- SOP SK');
  });
});
