/**
 * The font files soplint ships (fonts/, DejaVu Sans 2.37 and its licence): the PDF and Word forms
 * embed them, so a form prints the same on a PC that lacks the font. Nothing here reads system fonts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** The folder of the shipped fonts: fonts/ beside package.json, above dist/ (bundle) or src/ (sources). */
export function fontsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'fonts');
}

const cache = new Map<string, Buffer>();

export function fontFile(style: keyof typeof FONT_FILES): Buffer {
  const path = join(fontsFolder(), FONT_FILES[style]);
  let data = cache.get(path);
  if (!data) cache.set(path, (data = readFileSync(path)));
  return data;
}
