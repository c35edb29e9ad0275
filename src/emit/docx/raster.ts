/**
 * PNG copies of the flowchart band pictures, for word processors that show a DOCX's SVG pictures
 * only through their PNG fallback (LibreOffice 7.4, Word 2013 and older). Rendered by resvg
 * (WebAssembly, no native code) with the shipped DejaVu Sans, never the system's fonts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { fontFile } from '../office/fonts.js';

/** Pixels per layout unit (CSS px): 2 gives 192 dpi, sharp in print. */
const ZOOM = 2;
let ready: Promise<void> | undefined;

function init(): Promise<void> {
  // The module is loaded once per process; its WebAssembly file sits beside it in node_modules.
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

export async function rasterize(svgs: string[]): Promise<Uint8Array[]> {
  await init();
  const fontBuffers = [new Uint8Array(fontFile('regular')), new Uint8Array(fontFile('bold'))];
  return svgs.map((svg) => {
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: ZOOM }, font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    resvg.free();
    return png;
  });
}
