/**
 * Reading a file soplint keeps state or settings in (configuration, baseline, cache): only a regular
 * file, only up to a size limit. A FIFO is never waited on (opened without blocking), a device such
 * as /dev/zero never read endlessly, a huge file never held whole: each is refused with a message
 * that names the file and why, never its content.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export class ReadRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'not-a-file' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ReadRefusedError';
  }
}

export const MB = 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** The UTF-8 text of a regular file of at most `maxBytes`; ENOENT and other system errors are thrown as they are. */
export function readRegularFile(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const what = stats.isDirectory()
        ? 'a folder'
        : stats.isFIFO()
          ? 'a pipe (FIFO)'
          : stats.isCharacterDevice() || stats.isBlockDevice()
            ? 'a device'
            : 'not a regular file';
      throw new ReadRefusedError(path, 'not-a-file', `${path} is ${what}, not a regular file`);
    }
    if (stats.size > maxBytes)
      throw new ReadRefusedError(path, 'too-large', `${path} is ${megabytes(stats.size)}, more than the ${megabytes(maxBytes)} soplint reads`);
    // Read to the end, but never past the limit (the file may grow while it is read).
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new ReadRefusedError(path, 'too-large', `${path} is more than the ${megabytes(maxBytes)} soplint reads`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
