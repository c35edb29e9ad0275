/**
 * The form's font travels with the form: an @font-face rule per face (regular, bold) whose source
 * is a data URL of DejaVu Sans cut down to the characters the page uses, so every PC prints the
 * same letters at the same widths the layout measured, with or without DejaVu Sans installed. The
 * subsets are made by HarfBuzz's subsetter (WebAssembly, run synchronously) from the font files the
 * package ships (fonts/), never the system's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontFile } from '../../office/fonts.js';
import { FONT_FAMILY } from './metrics.js';

interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

let harfBuzz: HarfBuzz | undefined;

function hb(): HarfBuzz {
  if (!harfBuzz) {
    const path = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    harfBuzz = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(path)), {}).exports as unknown as HarfBuzz;
  }
  return harfBuzz;
}

/** The font cut down to the glyphs of `codePoints` (a TrueType file with its cmap, for browsers). */
export function subsetFont(font: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const h = hb();
  const data = h.malloc(font.byteLength);
  new Uint8Array(h.memory.buffer).set(font, data);
  const blob = h.hb_blob_create(data, font.byteLength, 2 /* writable */, 0, 0);
  const face = h.hb_face_create(blob, 0);
  h.hb_blob_destroy(blob);
  const input = h.hb_subset_input_create_or_fail();
  const unicodes = h.hb_subset_input_unicode_set(input);
  for (const codePoint of codePoints) h.hb_set_add(unicodes, codePoint);
  const subset = h.hb_subset_or_fail(face, input);
  h.hb_subset_input_destroy(input);
  h.hb_face_destroy(face);
  if (!subset) {
    h.free(data);
    throw new Error('HarfBuzz could not subset the form font');
  }
  const result = h.hb_face_reference_blob(subset);
  const offset = h.hb_blob_get_data(result, 0);
  const bytes = new Uint8Array(h.memory.buffer, offset, h.hb_blob_get_length(result)).slice();
  h.hb_blob_destroy(result);
  h.hb_face_destroy(subset);
  h.free(data);
  return bytes;
}

/** The characters of a page's text (markup included: a superset costs a few glyphs). */
export function codePointsOf(text: string): number[] {
  // By UTF-16 unit, not by string iterator: a form of 100,000 steps is some 300 million characters.
  const seen = new Uint8Array(0x10000);
  const astral = new Set<number>();
  seen[0x20] = 1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) {
        astral.add(codePoint);
        i++;
        continue;
      }
    }
    seen[unit] = 1;
  }
  const points: number[] = [];
  for (let unit = 0x20; unit < 0x10000; unit++) if (seen[unit]) points.push(unit);
  return [...points, ...[...astral].sort((a, b) => a - b)];
}

/** @font-face rules embedding the subsets of DejaVu Sans (regular and bold) that `text` needs. */
export function fontFaceCss(text: string): string {
  const points = codePointsOf(text);
  return (['regular', 'bold'] as const)
    .map((style) => {
      const data = Buffer.from(subsetFont(new Uint8Array(fontFile(style)), points)).toString('base64');
      return `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${style === 'bold' ? 700 : 400};src:url(data:font/ttf;base64,${data}) format('truetype')}`;
    })
    .join('\n');
}
