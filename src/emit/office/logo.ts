/**
 * The logo as the PDF and Word forms print it: at the size the HTML form shows it (its own size in
 * CSS px, shrunk to fit the unit's cell and 22 mm of height, never enlarged), as a PNG or JPEG
 * picture; an SVG logo is drawn to a PNG by resvg at print resolution (PDFKit draws no SVG; Word
 * gets the SVG itself with that PNG as its fallback).
 */
import type { Logo } from '../../io/logo-file.js';
import { rasterize, svgSize } from './raster.js';

/** The HTML form's `max-height: 22mm` for the logo, in CSS px, and its gap above the unit's name (2 mm). */
export const LOGO_MAX_HEIGHT = (22 * 96) / 25.4;
export const LOGO_GAP = (2 * 96) / 25.4;
/** Pixels per CSS px of an SVG logo's PNG: 4 gives 384 dpi. */
const SVG_ZOOM = 4;

export interface LogoPicture {
  /** PNG or JPEG bytes. */
  data: Uint8Array;
  type: 'png' | 'jpg';
  /** The SVG source, when the logo is one (`data` is then its PNG). */
  svg?: Uint8Array;
  /** The printed size, in CSS px. */
  width: number;
  height: number;
}

/** Width and height of a PNG (IHDR) or JPEG (first SOFn frame header), in pixels. */
export function bitmapSize(data: Uint8Array, type: 'png' | 'jpg'): { width: number; height: number } | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (type === 'png') return data.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    at += 2 + length;
  }
  return undefined;
}

/** The logo fitted into `maxWidth` x 22 mm (CSS px), or undefined when it cannot be read. */
export async function logoPicture(logo: Logo, maxWidth: number): Promise<LogoPicture | undefined> {
  try {
    const fitScale = (size: { width: number; height: number } | undefined) =>
      size && size.width > 0 && size.height > 0 ? Math.min(1, maxWidth / size.width, LOGO_MAX_HEIGHT / size.height) : undefined;
    if (logo.mediaType === 'image/svg+xml') {
      const svg = Buffer.from(logo.data).toString('utf8');
      const size = await svgSize(svg);
      const scale = fitScale(size);
      if (scale === undefined) return undefined;
      // Drawn at print resolution for its printed size, however large the SVG says it is.
      const [png] = await rasterize([svg], SVG_ZOOM * scale);
      return { data: png, type: 'png', svg: logo.data, width: size.width * scale, height: size.height * scale };
    }
    const type = logo.mediaType === 'image/png' ? 'png' : 'jpg';
    const size = bitmapSize(logo.data, type);
    const scale = fitScale(size);
    if (!size || scale === undefined) return undefined;
    return { data: logo.data, type, width: size.width * scale, height: size.height * scale };
  } catch {
    return undefined;
  }
}
