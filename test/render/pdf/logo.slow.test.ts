/**
 * The office's logo (`Logo:`, a path relative to the .sop file) printed in the identity sheet's head
 * by the HTML, PDF and Word forms, read back: the HTML's <img> (a data: URL of the file's bytes),
 * the PDF's images (pdfimages -list), the DOCX's media parts and the picture in the unit's cell.
 * A PNG, a JPEG and an SVG; a missing file renders without it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSop } from '../../../src/ast/parse.js';
import { render } from '../../../src/report.js';
import { runCli } from '../../helpers/cli.js';
import { fromRoot } from '../../helpers/paths.js';
import { htmlProblems } from '../form/html-check.js';

const OUT = mkdtempSync(join(tmpdir(), 'soplint-logo-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const FIXTURES = 'test/render/pdf/fixtures/logo';
const LOGOS = [
  { ext: 'png', mediaType: 'image/png', pdfEncoding: 'image' },
  { ext: 'jpg', mediaType: 'image/jpeg', pdfEncoding: 'jpeg' },
  { ext: 'svg', mediaType: 'image/svg+xml', pdfEncoding: 'image' },
] as const;

const bytes = (ext: string) => readFileSync(fromRoot(FIXTURES, `logo.${ext}`));

/** The <img class="logo"> of an HTML form, decoded. */
function htmlLogo(html: string): { mediaType: string; data: Buffer } | undefined {
  const match = /<img class="logo" src="data:([^;]+);base64,([^"]+)"/.exec(html);
  return match ? { mediaType: match[1], data: Buffer.from(match[2], 'base64') } : undefined;
}

/** pdfimages -list: the images of page 1 (type, width, height, encoding). */
function pdfImages(pdf: string): Array<{ page: number; type: string; width: number; height: number; enc: string }> {
  const list = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  expect(list.status).toBe(0);
  return list.stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/))
    .map((f) => ({ page: Number(f[0]), type: f[2], width: Number(f[3]), height: Number(f[4]), enc: f[8] }));
}

describe('the logo on the identity sheet', () => {
  it.each(LOGOS)('$ext: printed by the HTML, PDF and Word forms', async ({ ext, mediaType, pdfEncoding }) => {
    const sop = `${FIXTURES}/office-${ext}.sop`;
    for (const format of ['html', 'pdf', 'docx']) expect(runCli(['render', '--format', format, '-o', OUT, sop]).status, format).toBe(0);

    const html = readFileSync(join(OUT, `office-${ext}.html`), 'utf8');
    expect(await htmlProblems(html, `office-${ext}.html`)).toEqual([]);
    const logo = htmlLogo(html);
    expect(logo?.mediaType).toBe(mediaType);
    expect(logo?.data.equals(bytes(ext))).toBe(true);

    // The PDF: one image on the identity sheet (page 1), none elsewhere; a PNG or JPEG as it is, an SVG drawn to pixels.
    const images = pdfImages(join(OUT, `office-${ext}.pdf`)).filter((i) => i.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0].page).toBe(1);
    expect(images[0].enc).toBe(pdfEncoding);
    if (ext !== 'svg') expect([images[0].width, images[0].height]).toEqual([120, 140]);
    else expect(images[0].height / images[0].width).toBeCloseTo(140 / 120, 1);

    // The DOCX: the file itself is a media part, and the picture sits in the identity table's first cell.
    const files = unzipSync(new Uint8Array(readFileSync(join(OUT, `office-${ext}.docx`))));
    const media = Object.entries(files).filter(([name]) => name.startsWith('word/media/'));
    expect(media.some(([, data]) => Buffer.from(data).equals(bytes(ext)))).toBe(true);
    const xml = strFromU8(files['word/document.xml']);
    const firstCell = xml.slice(xml.indexOf('<w:tc>'), xml.indexOf('</w:tc>'));
    expect(firstCell).toContain('<pic:pic');
    expect(firstCell).toContain('descr="Logo instansi"');
  });

  it.runIf(existsSync('/usr/bin/soffice') || !!process.env.CI)('is in the Word files as LibreOffice prints them: one picture on the identity sheet', () => {
    const docx = LOGOS.map(({ ext }) => join(OUT, `office-${ext}.docx`));
    for (const [i, path] of docx.entries()) {
      if (!existsSync(path)) expect(runCli(['render', '--format', 'docx', '-o', OUT, `${FIXTURES}/office-${LOGOS[i].ext}.sop`]).status).toBe(0);
    }
    const pdfs = join(OUT, 'lo');
    const profile = pathToFileURL(join(OUT, 'lo-profile')).href;
    const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfs, ...docx], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(run.status, run.stderr).toBe(0);
    for (const { ext } of LOGOS) {
      // Page 1 is the identity sheet; the flowchart's row pictures are on the pages after it.
      const images = pdfImages(join(pdfs, `office-${ext}.pdf`)).filter((i) => i.type === 'image' && i.page === 1);
      expect(images, ext).toHaveLength(1);
      expect(images[0].height / images[0].width, ext).toBeCloseTo(140 / 120, 1);
    }
  });

  it('renders without the logo when its file is missing (identity/logo reports it)', () => {
    const dir = mkdtempSync(join(OUT, 'missing-'));
    const text = readFileSync(fromRoot(FIXTURES, 'office-png.sop'), 'utf8').replace('Logo: logo.png', 'Logo: tidak-ada.png');
    writeFileSync(join(dir, 'office.sop'), text);
    for (const format of ['html', 'pdf', 'docx']) expect(runCli(['render', '--format', format, '-o', dir, join(dir, 'office.sop')]).status, format).toBe(0);
    expect(htmlLogo(readFileSync(join(dir, 'office.html'), 'utf8'))).toBeUndefined();
    expect(pdfImages(join(dir, 'office.pdf')).filter((i) => i.type === 'image')).toEqual([]);
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'office.docx'))));
    expect(strFromU8(files['word/document.xml'])).not.toContain('Logo instansi');
    const check = runCli(['check', '--no-baseline', '-f', 'json', join(dir, 'office.sop')]);
    expect(check.stdout).toContain('identity/logo');
  });

  it('is read by the library render() relative to the .sop file, unless the caller gives one or null', async () => {
    const dir = mkdtempSync(join(OUT, 'library-'));
    copyFileSync(fromRoot(FIXTURES, 'logo.jpg'), join(dir, 'logo.jpg'));
    const path = join(dir, 'office.sop');
    const text = readFileSync(fromRoot(FIXTURES, 'office-jpg.sop'), 'utf8');
    writeFileSync(path, text);
    const parsed = parseSop(text, path);
    expect(htmlLogo((await render('html', parsed)) as string)?.data.equals(bytes('jpg'))).toBe(true);
    expect(htmlLogo((await render('html', { ...parsed, logo: null })) as string)).toBeUndefined();
    const given = await render('html', { ...parsed, logo: { data: new Uint8Array(bytes('png')), mediaType: 'image/png' } });
    expect(htmlLogo(given as string)?.mediaType).toBe('image/png');
  });
}, 180_000);
