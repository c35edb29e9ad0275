// Screenshots the official form of a real corpus SOP, as a person sees it in Chromium:
//   npx tsx scripts/screenshot-form.ts [FILE.sop] [OUT.png]
// Defaults: sops/sop-506.sop (else the first file of sops/, else the long-table fixture) and
// docs/img/sop-506-form.png. Needs Debian's chromium (/usr/bin/chromium) and fonts-dejavu-core.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderHtml } from '../src/emit/form/html-emitter.js';
import { parseSop } from '../src/ast/parse.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function defaultInput(): string {
  if (existsSync('sops/sop-506.sop')) return 'sops/sop-506.sop';
  const corpus = existsSync('sops')
    ? readdirSync('sops')
        .filter((n) => n.endsWith('.sop'))
        .sort()
    : [];
  return corpus.length ? join('sops', corpus[0]) : 'test/render/fixtures/long-table.sop';
}

const input = process.argv[2] ?? defaultInput();
const output = resolve(process.argv[3] ?? 'docs/img/sop-506-form.png');
const { document } = parseSop(readFileSync(input, 'utf8'), input);
const dir = mkdtempSync(join(tmpdir(), 'soplint-shot-'));
const page = join(dir, 'form.html');
writeFileSync(page, renderHtml(document));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1.25 });
  await tab.goto(pathToFileURL(page).href);
  mkdirSync(dirname(output), { recursive: true });
  await tab.screenshot({ path: output, fullPage: true });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${input} → ${output}`);
