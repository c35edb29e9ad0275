/**
 * File names for the pages of `render -o DIR`: one per SOP, named after it, never two the same (also
 * on a file system that ignores case) and never one of the corpus pages (index.html, keterkaitan.html).
 * A name that would collide gets a number (`dup-2.html`), and the caller says so.
 */
import { basename } from 'node:path';

export interface PageNames {
  /** Page name by source path. */
  names: Map<string, string>;
  /** Sources whose page got another name than their own: [source path, page name, the name it collides with]. */
  renamed: [string, string, string][];
}

export function pageNames(paths: string[], extension: string, reserved: string[] = [], fileName: (path: string) => string = (path) => path): PageNames {
  const natural = (path: string) => {
    const base = basename(fileName(path));
    return `${base.toLowerCase().endsWith('.sop') ? base.slice(0, -4) : base}.${extension}`;
  };
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(natural(path).toLowerCase(), (counts.get(natural(path).toLowerCase()) ?? 0) + 1);
  const names = new Map<string, string>();
  const renamed: PageNames['renamed'] = [];
  const later = new Set<string>();
  // The first of each name keeps it, unless a corpus page has it.
  const firstOf = new Set<string>();
  for (const path of paths) {
    const name = natural(path);
    const key = name.toLowerCase();
    if (taken.has(key) || firstOf.has(key)) later.add(path);
    else firstOf.add(key);
  }
  for (const path of paths) {
    if (later.has(path)) continue;
    names.set(path, natural(path));
    taken.add(natural(path).toLowerCase());
  }
  for (const path of later) {
    const name = natural(path);
    const stem = name.slice(0, -(extension.length + 1));
    let n = 2;
    while (taken.has(`${stem}-${n}.${extension}`.toLowerCase())) n++;
    const unique = `${stem}-${n}.${extension}`;
    taken.add(unique.toLowerCase());
    names.set(path, unique);
    renamed.push([path, unique, name]);
  }
  return { names, renamed };
}
