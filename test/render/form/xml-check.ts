/**
 * Well-formedness of XML (SVG) as a real parser reads it: libxml2's `xmllint --noout` when installed
 * (Debian libxml2-utils), else the same libxml2 compiled to WebAssembly (xmllint-wasm, no schema).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

export const XMLLINT = '/usr/bin/xmllint';

/** Parser errors, or [] for well-formed XML. */
export async function xmlErrors(xml: string): Promise<string[]> {
  if (existsSync(XMLLINT)) {
    const result = spawnSync(XMLLINT, ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
    return result.status === 0 ? [] : [result.stderr.trim() || `xmllint exited ${result.status}`];
  }
  const result = await validateXML({ xml: [{ fileName: 'output.svg', contents: xml }], normalization: 'format' });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
