/**
 * The office's logo for the printed form: the file a .sop's `Logo:` names, relative to the .sop
 * file, read as bytes with its media type (sniffed from its first bytes, as the identity/logo rule
 * checks it). A missing or unreadable file, or one that is no PNG, JPEG or SVG, gives no logo: the
 * form prints without it and the rule reports why.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { imageKind } from './image-kind.js';

export type LogoMediaType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface Logo {
  data: Uint8Array;
  mediaType: LogoMediaType;
}

const MEDIA_TYPE = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' } as const;

export function readLogo(sopFile: string, relative: string): Logo | undefined {
  const path = resolve(dirname(sopFile), relative.trim());
  const kind = imageKind(path);
  if (kind !== 'png' && kind !== 'jpeg' && kind !== 'svg') return undefined;
  try {
    return { data: new Uint8Array(readFileSync(path)), mediaType: MEDIA_TYPE[kind] };
  } catch {
    return undefined;
  }
}

/** The logo as a data: URL, for an HTML page that must stand alone. */
export function logoDataUrl(logo: Logo): string {
  return `data:${logo.mediaType};base64,${Buffer.from(logo.data).toString('base64')}`;
}
