/**
 * `soplint check --cache`: phase-1 results of unchanged files, kept between runs (ESLint's --cache).
 * A file's stored result is reused when its content, soplint's build and its configuration (its
 * book's: each folder may have its own .soplintrc.yaml) are all the same as when it was stored. Corpus rules, suppressions and the baseline always run afresh
 * over every file, so a cached run reports exactly what an uncached one does.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../config/types.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { MB, readRegularFile } from '../io/read-limited.js';
import type { FileOutcome } from './file-phase.js';
import type { Rule } from '../rules/rule.js';

export const CACHE_VERSION = 5;

/** A cache of 100,000 files' results stays well under this; a bigger file is not soplint's cache. */
export const MAX_CACHE_BYTES = 512 * MB;

// scripts/build.mjs sets this to a hash of the sources, so a rebuilt soplint never reuses results of
// another build; run from the sources (tests), it is absent.
declare const __SOPLINT_BUILD__: string | undefined;
const BUILD = typeof __SOPLINT_BUILD__ === 'string' ? __SOPLINT_BUILD__ : 'source';

/** Size and modification time: when both are unchanged, the file is taken as unchanged, unread. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

interface CachedFile {
  stamp: FileStamp;
  /** Hash of the file's content: a file touched but not changed (a fresh checkout) still matches. */
  hash: string;
  /** The configuration it was checked with (configKey). */
  config: string;
  outcome: FileOutcome;
}

interface CacheData {
  version: number;
  /** Build and rules the results were computed with. */
  key: string;
  /** A hash of `files` as written: a cache changed by anything but soplint is not used. */
  checksum: string;
  /** By absolute path. */
  files: Record<string, CachedFile>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shape every stored result must have before anything of it is used. */
function isCachedFile(value: unknown): value is CachedFile {
  if (!isRecord(value) || !isRecord(value.stamp) || typeof value.hash !== 'string' || typeof value.config !== 'string' || !isRecord(value.outcome))
    return false;
  const { stamp, outcome } = value;
  return (
    typeof stamp.size === 'number' &&
    typeof stamp.mtimeMs === 'number' &&
    typeof outcome.path === 'string' &&
    Array.isArray(outcome.diagnostics) &&
    (outcome.entry === undefined || isRecord(outcome.entry))
  );
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64');
const checksumOf = (files: Record<string, unknown>) => sha1(JSON.stringify(files));

/** What every stored result depends on besides the file and its configuration. */
export function cacheKey(rules: Rule[]): string {
  return sha1(JSON.stringify([CACHE_VERSION, BUILD, rules.map((r) => r.meta.id)]));
}

/** What a stored result depends on in its configuration. */
export function configKey(config: ResolvedConfig): string {
  return sha1(JSON.stringify(config));
}

/** The content hash to store a result under. */
export function hashText(text: string): string {
  return sha1(text);
}

export class ResultCache {
  /** Whether anything was stored or updated since the cache was read (else there is nothing to write). */
  private changed = false;
  /** Files this run looked up; the others are kept only while they exist. */
  private readonly checked = new Set<string>();

  private constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly files: Record<string, CachedFile>,
  ) {}

  /**
   * The cache at `location`; empty when it is missing, or from another build. A cache that cannot be
   * read, is not JSON, or fails its checksum or its shape is ignored (and rebuilt), with one line to
   * `notice` that never quotes what the file holds.
   */
  static load(location: string, key: string, notice: (message: string) => void = () => {}): ResultCache {
    let problem: string | undefined;
    try {
      const parsed = JSON.parse(readRegularFile(location, MAX_CACHE_BYTES)) as unknown;
      if (!isRecord(parsed)) problem = 'is not a soplint cache';
      else if (parsed.version === CACHE_VERSION && parsed.key === key) {
        const files = parsed.files;
        if (!isRecord(files) || parsed.checksum !== checksumOf(files)) problem = 'fails its checksum';
        else if (!Object.values(files).every(isCachedFile)) problem = 'is not a soplint cache';
        else return new ResultCache(location, key, files as Record<string, CachedFile>);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        const message = (error as Error).message ?? '';
        problem = code
          ? `cannot be read (${code})`
          : error instanceof SyntaxError
            ? 'is not valid JSON'
            : message.startsWith(location)
              ? message.slice(location.length + 1)
              : 'cannot be read';
      }
    }
    if (problem) notice(`the cache ${location} ${problem}; it is ignored and rebuilt`);
    // Start afresh (also when it holds another build's or configuration's results); written at the end.
    const empty = new ResultCache(location, key, {});
    empty.changed = true;
    return empty;
  }

  /** The stored result for this file and display path if the file has not been touched since. */
  lookupByStamp(absolute: string, path: string, stamp: FileStamp, config: string): FileOutcome | undefined {
    this.checked.add(absolute);
    const cached = this.files[absolute];
    if (!cached || cached.outcome.path !== path || cached.config !== config || cached.stamp.size !== stamp.size || cached.stamp.mtimeMs !== stamp.mtimeMs)
      return undefined;
    return cached.outcome;
  }

  /** The stored result for this file and display path if its content is the same. */
  lookupByContent(absolute: string, path: string, stamp: FileStamp, hash: string, config: string): FileOutcome | undefined {
    const cached = this.files[absolute];
    if (!cached || cached.outcome.path !== path || cached.config !== config || cached.hash !== hash) return undefined;
    cached.stamp = stamp;
    this.changed = true;
    return cached.outcome;
  }

  store(absolute: string, stamp: FileStamp, hash: string, config: string, outcome: FileOutcome): void {
    this.checked.add(absolute);
    this.files[absolute] = { stamp, hash, config, outcome };
    this.changed = true;
  }

  /** Written whole to a temporary file and renamed, so a crash never leaves a truncated cache. */
  save(): void {
    // Results of files that were deleted or renamed since would otherwise stay forever.
    for (const absolute of Object.keys(this.files)) {
      if (!this.checked.has(absolute) && !existsSync(absolute)) {
        delete this.files[absolute];
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const data: CacheData = { version: CACHE_VERSION, key: this.key, checksum: checksumOf(this.files), files: this.files };
    writeFileAtomic(this.location, JSON.stringify(data));
  }
}
