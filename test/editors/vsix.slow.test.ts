import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';
import { copyOfBook, LspClient } from '../lsp/client.js';

/** The entries of a zip file, read from its central directory: name -> contents. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const work = mkdtempSync(join(tmpdir(), 'soplint-vsix-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the VS Code extension', () => {
  it('declares files that exist: grammar, language configuration, snippets', () => {
    const manifest = JSON.parse(readFileSync(fromRoot('editors/vscode/package.json'), 'utf8'));
    expect(manifest.contributes.languages[0]).toMatchObject({ id: 'sop', extensions: ['.sop'] });
    const paths = [manifest.contributes.languages[0].configuration, manifest.contributes.grammars[0].path, manifest.contributes.snippets[0].path];
    for (const path of paths) expect(JSON.parse(readFileSync(fromRoot('editors/vscode', path), 'utf8'))).toBeTypeOf('object');
    const snippets = JSON.parse(readFileSync(fromRoot('editors/vscode/snippets/sop.json'), 'utf8'));
    expect(Object.keys(snippets)).toEqual(expect.arrayContaining(['New SOP', 'Step', 'Decision step']));
    expect(JSON.parse(readFileSync(fromRoot('editors/vscode/language-configuration.json'), 'utf8')).comments.lineComment).toBe('#');
  });

  it('type-checks against the VS Code API', { timeout: 120_000 }, () => {
    execFileSync(process.execPath, [fromRoot('node_modules/typescript/bin/tsc'), '-p', fromRoot('editors/vscode/tsconfig.json')], { stdio: 'pipe' });
  });

  it('packages as a .vsix (vsce package --no-dependencies) holding the manifest, grammar, client and server', { timeout: 180_000 }, () => {
    const out = join(work, 'soplint.vsix');
    execFileSync(process.execPath, [fromRoot('editors/vscode/scripts/package.mjs'), out], { stdio: 'pipe' });
    expect(existsSync(out)).toBe(true);
    const zip = readFileSync(out);
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const entries = readZip(zip);
    expect([...entries.keys()]).toEqual(
      expect.arrayContaining(['extension.vsixmanifest', 'extension/package.json', 'extension/syntaxes/sop.tmLanguage.json', 'extension/dist/extension.js']),
    );
    expect(JSON.parse(entries.get('extension/package.json')!.toString('utf8')).name).toBe('soplint-vscode');
    expect(entries.get('extension/syntaxes/sop.tmLanguage.json')!.toString('utf8')).toBe(
      readFileSync(fromRoot('editors/vscode/syntaxes/sop.tmLanguage.json'), 'utf8'),
    );
    expect([...entries.keys()].filter((name) => name.startsWith('extension/src/'))).toEqual([]);
    expect(entries.has('extension/dist/server.js')).toBe(true);
  });

  it('starts its bundled server (dist/server.js, the fallback when the workspace has no soplint)', { timeout: 120_000 }, async () => {
    const server = fromRoot('editors/vscode/dist/server.js');
    expect(existsSync(server)).toBe(true);
    const book = copyOfBook();
    const client = new LspClient([server, '--stdio']);
    try {
      const init = await client.initialize(book.root, { lang: 'en', debounceMs: 0 });
      expect(init.capabilities).toMatchObject({ hoverProvider: true });
      const published = await client.waitForDiagnostics((p) => p.uri.endsWith('sop-407.sop'));
      expect(published.diagnostics.map((d) => d.code)).toContain('step/numbering-gap');
    } finally {
      await client.stop();
      book.dispose();
    }
  });
});

describe("the extension's choice of server", () => {
  it("finds the workspace's installed soplint at or above the folder, the bin on POSIX and the bundle on Windows", async () => {
    const { findInstalledSoplint } = await import('../../editors/vscode/src/find-soplint.js');
    const root = mkdtempSync(join(tmpdir(), 'soplint-find-'));
    try {
      const nested = join(root, 'office', 'sops');
      mkdirSync(nested, { recursive: true });
      expect(findInstalledSoplint(nested, 'linux')).toBeUndefined();
      mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
      mkdirSync(join(root, 'node_modules', 'soplint', 'dist'), { recursive: true });
      writeFileSync(join(root, 'node_modules', '.bin', 'soplint'), '#!/bin/sh\n');
      writeFileSync(join(root, 'node_modules', 'soplint', 'dist', 'soplint.js'), '');
      expect(findInstalledSoplint(nested, 'linux')).toEqual({ command: join(root, 'node_modules', '.bin', 'soplint') });
      expect(findInstalledSoplint(nested, 'win32')).toEqual({ module: join(root, 'node_modules', 'soplint', 'dist', 'soplint.js') });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
