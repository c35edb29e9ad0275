/**
 * What an image file referred to by a .sop file is, by its first bytes: PNG, JPEG, SVG, something
 * else, or missing. The engine hands this to the rules (which read no files) as a callback.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type ImageKind = 'png' | 'jpeg' | 'svg' | 'other' | 'missing';

export function imageKind(path: string): ImageKind {
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      head = Buffer.alloc(512);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return 'missing';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return 'svg';
  return 'other';
}

/** The kind of an image named relative to a .sop file on disk. */
export function imageNextTo(sopFile: string): (relative: string) => ImageKind {
  return (relative) => imageKind(resolve(dirname(sopFile), relative));
}
