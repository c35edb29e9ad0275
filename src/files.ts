/** Finding the .sop files named on the command line: files as given, folders searched recursively. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const SOP_EXTENSION = '.sop';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface FileSearch {
  /** Absolute paths of the .sop files found, sorted, without duplicates. */
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
}

export function findSopFiles(paths: string[], cwd = process.cwd()): FileSearch {
  const found = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (entry.isFile() && entry.name.endsWith(SOP_EXTENSION)) found.add(full);
    }
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) walk(absolute);
    else found.add(absolute);
  }
  return { files: [...found].sort(), missing };
}

/** The path a finding prints: relative to the working directory, POSIX slashes. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return (rel.startsWith('..') ? absolute : rel).split(sep).join('/');
}
