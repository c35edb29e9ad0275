/**
 * Issue 19: a `Judul SOP:` of 50,000 characters (words, and one word without a break) renders in
 * every format that shows the title: whole where the format prints it whole, cut with an ellipsis in
 * the HTML <title>, wrapped (and hyphenated) on the identity sheet. Hyphenating the word once took 13 s and
 * grew with its square; no time is asserted here (the machine may be busy): that shows as a timeout.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { renderBpmn } from '../../src/emit/bpmn/index.js';
import { renderDocx } from '../../src/emit/docx/index.js';
import { renderDot } from '../../src/emit/dot/graph.js';
import { renderHtml } from '../../src/emit/form/html-emitter.js';
import { renderSvg } from '../../src/emit/form/svg-emitter.js';
import { renderJson } from '../../src/emit/json.js';
import { renderMarkdown } from '../../src/emit/markdown/index.js';
import { renderPdf } from '../../src/emit/pdf/index.js';
import { SHAPES } from '../robustness/shapes.js';

const LENGTH = 50_000;
const TIMEOUT = 300_000;

const TITLES = {
  words: SHAPES['a long Judul SOP'](LENGTH),
  'one word': SHAPES['a long Judul SOP without spaces'](LENGTH),
};

for (const [name, text] of Object.entries(TITLES)) {
  const { document, source } = parseSop(text, 'title.sop');
  const title = document.identity.judul!.text!.text;

  describe(`a Judul SOP of ${LENGTH} characters (${name})`, () => {
    it('is read whole', () => {
      expect(title.length).toBeGreaterThanOrEqual(LENGTH - 10);
    });

    it(
      'is shown whole in md, dot, bpmn and json',
      () => {
        expect(renderMarkdown(document)).toContain(`# SOP-901/BKBPM — ${title}\n`);
        expect(renderDot(document)).toContain(`label="SOP-901/BKBPM ${title}"`);
        expect(renderBpmn(document)).toContain(`name="SOP-901/BKBPM ${title}"`);
        expect(JSON.parse(renderJson(document, source)).identity.judul.text.text).toBe(title);
      },
      TIMEOUT,
    );

    it(
      'is the SVG title, the HTML heading, and cut in the HTML <title>',
      () => {
        const svg = renderSvg(document);
        expect(svg).toContain(`<title id="sop-title">Bagan alir SOP-901/BKBPM ${title}</title>`);
        const html = renderHtml(document);
        const cut = html.match(/<title>(.*)<\/title>/)![1];
        expect(cut.length).toBeLessThanOrEqual(70);
        expect(cut.endsWith('…')).toBe(true);
        expect(html).toContain(`<h1 class="visually-hidden">SOP-901/BKBPM ${title}</h1>`);
      },
      TIMEOUT,
    );

    it(
      'is the title of the PDF and of the Word document',
      async () => {
        const pdf = Buffer.from(await renderPdf(document, null)).toString('latin1');
        expect(pdf).toContain(`(${title})`);
        const core = strFromU8(unzipSync(await renderDocx(document, null))['docProps/core.xml']);
        expect(core).toContain(`<dc:title>${title}</dc:title>`);
      },
      TIMEOUT,
    );
  });
}
