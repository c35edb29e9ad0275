/**
 * `soplint check --cache`: phase-1 results of unchanged files, kept between runs (ESLint's --cache).
 * A file's stored result is reused when its content, soplint's build and its configuration (its
 * book's: each folder may have its own .soplintrc.yaml) are all the same as when it was stored. Corpus rules, suppressions and the baseline always run afresh
 * over every file, so a cached run reports exactly what an uncached one does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ResolvedConfig } from '../config/types.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { FileOutcome } from './file-phase.js';
import type { Rule } from '../rules/rule.js';

export const CACHE_VERSION = 4;

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
  /** By absolute path. */
  files: Record<string, CachedFile>;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64');

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

  /** The cache at `location`; empty when it is missing, unreadable, or from another build or config. */
  static load(location: string, key: string): ResultCache {
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as CacheData;
      if (data.version === CACHE_VERSION && data.key === key && data.files && typeof data.files === 'object') {
        return new ResultCache(location, key, data.files);
      }
    } catch {
      // No cache yet, or a damaged one.
    }
    // Start afresh (also when it holds another build's or configuration's results); written at the end.
    const empty = new ResultCache(location, key, {});
    empty.changed = true;
    return empty;
  }

  /** The stored result for this file and display path if the file has not been touched since. */
  lookupByStamp(absolute: string, path: string, stamp: FileStamp, config: string): FileOutcome | undefined {
    this.checked.add(absolute);
    const cached = this.files[absolute];
    if (!cached || cached.outcome.path !== path || cached.config !== config || cached.stamp.size !== stamp.size || cached.stamp.mtimeMs !== stamp.mtimeMs) return undefined;
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
    const data: CacheData = { version: CACHE_VERSION, key: this.key, files: this.files };
    writeFileAtomic(this.location, JSON.stringify(data));
  }
}
