/**
 * The largest file soplint checks and the most steps (issue 19): a file over either is reported as
 * one finding, io/too-large, instead of being read whole, parsed or checked, so a 50 MB file or a
 * table of a million steps cannot hold a CI run for minutes or exhaust its memory. Both are set by
 * the `limits:` key of .soplintrc.yaml; the defaults admit the 100,000-step files the scaling
 * benchmark checks (about 18 MB) and are far above any real SOP (a few dozen steps, 10-30 KB).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileDiagnostic, localized, type Diagnostic } from '../diagnostics/diagnostic.js';
import { PIPELINE_FINDING } from '../diagnostics/pipeline-findings.js';
import { MB } from './read-limited.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * MB;
export const DEFAULT_MAX_STEPS = 100_000;

export interface Limits {
  maxFileSize: number;
  maxSteps: number;
}

export function limitsOf(settings: { maxFileSize?: number; maxSteps?: number } | undefined): Limits {
  return { maxFileSize: settings?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, maxSteps: settings?.maxSteps ?? DEFAULT_MAX_STEPS };
}

/** A file (or text) over a limit: thrown by the readers, turned into an io/too-large finding by the checker. */
export class TooLargeError extends Error {
  constructor(
    readonly size: number | undefined,
    readonly limit: number,
  ) {
    super(`more than ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

/** A size as people read it: "20 MB", "3.1 MB", "2 KB", "900 bytes". */
const megabytes = (bytes: number) =>
  bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : bytes >= 1024 ? `${Math.round((bytes / 1024) * 10) / 10} KB` : `${bytes} B`;

/**
 * A .sop file's text, read only up to `maxBytes`: a regular file larger than that is refused from its
 * size, anything else (a pipe, a growing file) when more than `maxBytes` come.
 */
export function readSopFile(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > maxBytes) throw new TooLargeError(stats.size, maxBytes);
    // Into one buffer, reused from file to file (a run reads thousands of small files): grown to fit,
    // never past the limit and one byte (the byte that tells a file over the limit).
    readBuffer ??= Buffer.allocUnsafe(KEPT_BUFFER);
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        if (length > maxBytes) throw new TooLargeError(undefined, maxBytes);
        grow(Math.min(Math.max(2 * length, stats.size + 1), maxBytes + 1), length);
      }
      const read = readSync(fd, readBuffer, length, Math.min(readBuffer.length, maxBytes + 1) - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw new TooLargeError(undefined, maxBytes);
    }
    const text = readBuffer.toString('utf8', 0, length);
    // A buffer grown for a big file is not kept: the next small file gets the usual one.
    if (readBuffer.length > KEPT_BUFFER) readBuffer = Buffer.allocUnsafe(KEPT_BUFFER);
    return text;
  } finally {
    closeSync(fd);
  }
}

/** The size of the reused read buffer kept between files: most SOPs fit (10-30 KB). */
const KEPT_BUFFER = 256 * 1024;
/** Allocated at the first read: the module is also bundled for the browser (the playground), which has no Buffer. */
let readBuffer: Buffer | undefined;

/** A larger read buffer, keeping the `kept` bytes already read. */
function grow(size: number, kept: number): void {
  const larger = Buffer.allocUnsafe(size);
  readBuffer?.copy(larger, 0, 0, kept);
  readBuffer = larger;
}

/** The finding for a file over the size limit (`size` in bytes when known). */
export function tooLargeFile(path: string, size: number | undefined, limit: number): Diagnostic {
  const found = size === undefined ? localized(`lebih dari ${megabytes(limit)}`, `more than ${megabytes(limit)}`) : localized(megabytes(size), megabytes(size));
  return fileDiagnostic(path, {
    ruleId: PIPELINE_FINDING.tooLarge,
    severity: 'error',
    message: localized(
      `Berkas terlalu besar untuk diperiksa: paling besar ${megabytes(limit)} (${limit} bita), ditemukan ${found.id}.`,
      `The file is too large to check: at most ${megabytes(limit)} (${limit} bytes) is expected, found ${found.en}.`,
    ),
    hint: localized(
      'bagi SOP-nya menjadi beberapa berkas, atau naikkan limits.maxFileSize di .soplintrc.yaml',
      'split the SOP into several files, or raise limits.maxFileSize in .soplintrc.yaml',
    ),
  });
}

/** The finding for a file with more steps than the limit. */
export function tooManySteps(path: string, steps: number, limit: number): Diagnostic {
  return fileDiagnostic(path, {
    ruleId: PIPELINE_FINDING.tooLarge,
    severity: 'error',
    message: localized(
      `Berkas terlalu besar untuk diperiksa: paling banyak ${limit} langkah, ditemukan ${steps}; aturan tidak dijalankan.`,
      `The file is too large to check: at most ${limit} steps are expected, found ${steps}; no rule was run.`,
    ),
    hint: localized(
      'bagi prosedurnya menjadi beberapa SOP, atau naikkan limits.maxSteps di .soplintrc.yaml',
      'split the procedure into several SOPs, or raise limits.maxSteps in .soplintrc.yaml',
    ),
  });
}
