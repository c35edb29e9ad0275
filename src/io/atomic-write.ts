/**
 * Writing a file so that nothing is ever lost: a crash or a full disk never leaves it truncated (temp
 * file, then rename), and the rename never destroys what it should not touch.
 *
 * - A regular file is replaced by rename, keeping its mode and (where allowed) its owner; behind a
 *   symbolic link the link's target is rewritten, not the link replaced.
 * - A file with more than one hard link is written in place, so every name keeps seeing the content.
 * - A character device or a FIFO (`-o /dev/null`, `-o /dev/stdout`, a pipe) is written in place, never
 *   replaced by a regular file; a folder, a block device or a socket is refused.
 * - A read-only file (no write bit, or not writable by this user) is refused and left alone, also
 *   when the process runs as root.
 * - `protect` refuses a target whose real path is one it names (the SOPs being checked): a report
 *   behind a symbolic link to an SOP never overwrites the SOP.
 * - `expected`: the file is written only if it still holds that text when the new one is about to
 *   replace it (another process, an editor, a second `--fix`, may have changed it since it was read).
 * - Temp files of this pattern (`.NAME.PID.MS.tmp`) left by a process that no longer runs are removed.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type WriteRefusal = 'not-a-file' | 'read-only' | 'changed' | 'protected' | 'dangling-link';

/** A write soplint will not do: reported with the path and why (exit 2 from the CLI), never a stack trace. */
export class WriteRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: WriteRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'WriteRefusedError';
  }
}

export interface WriteOptions {
  /** The text the file must still hold just before it is replaced; else WriteRefusedError('changed'). */
  expected?: string;
  /** Real paths that must never be written (the inputs being checked). */
  protect?: (realPath: string) => boolean;
}

/** Content written piece by piece (a report streamed as a run's files finish), never held whole. */
export type ContentWriter = (write: (chunk: string) => void) => void;

export function writeFileAtomic(path: string, content: string | Uint8Array | ContentWriter, options: WriteOptions = {}): void {
  const linked = lstatOrUndefined(path);
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    if (linked?.isSymbolicLink()) {
      throw new WriteRefusedError(path, 'dangling-link', `will not write ${path}: it is a symbolic link to a file that does not exist`);
    }
  }
  if (stats === undefined) {
    if (options.expected !== undefined) throw new WriteRefusedError(path, 'changed', `${path} was removed since it was read; not written`);
    mkdirSync(dirname(path), { recursive: true });
    replaceByRename(path, content);
    return;
  }
  if (!stats.isFile()) {
    // Writing in place is what a shell's `>` does: a device keeps being a device.
    if (stats.isCharacterDevice() || stats.isFIFO()) {
      writeInPlace(path, content);
      return;
    }
    const what = stats.isDirectory() ? 'a folder' : stats.isBlockDevice() ? 'a block device' : 'not a regular file';
    throw new WriteRefusedError(path, 'not-a-file', `will not write ${path}: it is ${what}`);
  }
  const target = realpathSync(path);
  if (options.protect?.(target)) {
    throw new WriteRefusedError(path, 'protected', `will not write ${path}: it is (or links to) the SOP file ${target}`);
  }
  if (isReadOnly(target, stats)) {
    throw new WriteRefusedError(path, 'read-only', `${path} is read-only; left as it is (make it writable to let soplint write it)`);
  }
  const stillExpected = () => {
    if (options.expected !== undefined && readFileSync(target, 'utf8') !== options.expected) {
      throw new WriteRefusedError(path, 'changed', `${path} changed since it was checked; not written`);
    }
  };
  if (stats.nlink > 1) {
    // Replacing one name of a hard-linked file would split it from its other names.
    stillExpected();
    writeInPlace(target, content);
    return;
  }
  removeStaleTemporaries(dirname(target));
  replaceByRename(target, content, stats, stillExpected);
}

function writeInPlace(path: string, content: string | Uint8Array | ContentWriter): void {
  if (typeof content !== 'function') {
    writeFileSync(path, content);
    return;
  }
  const fd = openSync(path, 'w');
  try {
    writeAll(fd, content);
  } finally {
    closeSync(fd);
  }
}

function replaceByRename(target: string, content: string | Uint8Array | ContentWriter, previous?: Stats, beforeRename?: () => void): void {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', previous ? previous.mode & 0o7777 : 0o666);
    try {
      writeAll(fd, content);
      if (previous) {
        fchmodSync(fd, previous.mode & 0o7777);
        // Kept when allowed (root, or the same owner); otherwise the file becomes the writer's, as any edit would.
        try {
          fchownSync(fd, previous.uid, previous.gid);
        } catch {
          // not permitted
        }
      }
    } finally {
      closeSync(fd);
    }
    beforeRename?.();
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeAll(fd: number, content: string | Uint8Array | ContentWriter): void {
  if (typeof content === 'function') {
    content((chunk) => writeAll(fd, chunk));
    return;
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** No write bit at all (root could still write it: soplint does not), or not writable by this user. */
function isReadOnly(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** A day: a temp file older than this is stale even if its process id has been reused since. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
const cleaned = new Set<string>();

/** `.NAME.PID.MS.tmp` → its pid and time, or undefined for any other name. */
export function parseTemporaryName(name: string): { pid: number; ms: number } | undefined {
  if (!name.startsWith('.') || !name.endsWith('.tmp')) return undefined;
  const parts = name.slice(1, -'.tmp'.length).split('.');
  if (parts.length < 3) return undefined;
  const [pid, ms] = parts.slice(-2);
  if (!/^\d{1,10}$/.test(pid) || !/^\d{1,16}$/.test(ms) || parts.slice(0, -2).join('.') === '') return undefined;
  return { pid: Number(pid), ms: Number(ms) };
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Once per folder and process: temp files of soplint's pattern whose writer is gone are removed. */
export function removeStaleTemporaries(folder: string, now = Date.now()): void {
  if (cleaned.has(folder)) return;
  cleaned.add(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const parsed = parseTemporaryName(name);
    if (!parsed || (processRuns(parsed.pid) && now - parsed.ms < STALE_AFTER_MS)) continue;
    try {
      const file = join(folder, name);
      if (lstatSync(file).isFile()) rmSync(file, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}
