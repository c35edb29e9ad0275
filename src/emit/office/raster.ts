/**
 * PNG copies of SVG pictures: the Word form's flowchart bands and an SVG logo, for word processors
 * that show a DOCX's SVG pictures only through their PNG fallback (LibreOffice 7.4, Word 2013 and
 * older), and for the PDF form (PDFKit draws PNG and JPEG only). Rendered by resvg
 * (WebAssembly, no native code) with the shipped DejaVu Sans, never the system's fonts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { fontFile } from './fonts.js';

/** Pixels per layout unit (CSS px): 2 gives 192 dpi, sharp in print. */
const ZOOM = 2;
let ready: Promise<void> | undefined;

function init(): Promise<void> {
  // The module is loaded once per process; its WebAssembly file sits beside it in node_modules.
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

export async function rasterize(svgs: string[], zoom = ZOOM): Promise<Uint8Array[]> {
  await init();
  const fontBuffers = [new Uint8Array(fontFile('regular')), new Uint8Array(fontFile('bold'))];
  return svgs.map((svg) => {
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    resvg.free();
    return png;
  });
}

/** The size an SVG image draws at (its width and height, or its viewBox's), in CSS px. */
export async function svgSize(svg: string): Promise<{ width: number; height: number }> {
  await init();
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false } });
  const size = { width: resvg.width, height: resvg.height };
  resvg.free();
  return size;
}
