/**
 * Which baseline covers which checked files. `--baseline FILE` covers every file, named relative to
 * the project's configuration folder (else the baseline's). Otherwise each book's own `baseline:`
 * covers that book's files, named relative to the book's folder, so that two books in one
 * repository keep their own baselines, whichever folder soplint runs from.
 */
import { dirname, resolve } from 'node:path';
import type { Book } from '../checker/run.js';
import type { ResolvedConfig } from '../config/types.js';

import type { BaselineScope } from '../baseline.js';
export type { BaselineScope } from '../baseline.js';

/**
 * The project's configuration (its ignores and baseline): the working directory's, else that of the
 * one book checked (`soplint check office/` from the folder above it).
 */
export function projectConfig(books: Book[], cwdConfig: ResolvedConfig): ResolvedConfig {
  const [onlyBook] = books;
  return !cwdConfig.path && books.length === 1 && onlyBook.config.path ? onlyBook.config : cwdConfig;
}

export function baselineScopes(
  books: Book[],
  checked: Set<string>,
  option: string | boolean | undefined,
  project: ResolvedConfig,
  cwd: string,
): BaselineScope[] {
  if (option === false) return [];
  if (typeof option === 'string') {
    const path = resolve(cwd, option);
    return [{ path, projectDir: project.path ? dirname(project.path) : dirname(path), files: checked }];
  }
  const byPath = new Map<string, BaselineScope>();
  for (const book of books) {
    const path = book.config.baseline;
    const files = book.files.filter((file) => checked.has(file));
    if (!path || files.length === 0) continue;
    let scope = byPath.get(path);
    if (!scope) byPath.set(path, (scope = { path, projectDir: book.config.path ? dirname(book.config.path) : dirname(path), files: new Set() }));
    for (const file of files) scope.files.add(file);
  }
  return [...byPath.values()];
}
