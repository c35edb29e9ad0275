import { findSopFiles } from '../files.js';
import { UsageError } from './exit-codes.js';

/** The .sop files for the paths given; a path that does not exist, or no file at all, is a usage error. */
export function resolveInputs(paths: string[], cwd = process.cwd()): string[] {
  const { files, missing } = findSopFiles(paths, cwd);
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')} (tidak ditemukan)`);
  if (files.length === 0) throw new UsageError(`no .sop file found in: ${paths.join(', ')} (tidak ada berkas .sop)`);
  return files;
}
