import { spawn } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemporaryName, removeStaleTemporaries, writeFileAtomic, WriteRefusedError } from '../../src/io/atomic-write.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'soplint-atomic-'));

function refusal(run: () => void): WriteRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof WriteRefusedError) return error;
    throw error;
  }
  throw new Error('the write was not refused');
}

/** A process id that runs no process now. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('writeFileAtomic', () => {
  it('writes a new file (and its folder), leaving no temp file', () => {
    const dir = scratch();
    writeFileAtomic(join(dir, 'out/report.json'), '{}\n');
    expect(readFileSync(join(dir, 'out/report.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });

  it("replaces a file's content and keeps its permissions", () => {
    const dir = scratch();
    const file = join(dir, 'a.sop');
    writeFileSync(file, 'lama\n');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'baru\n');
    expect(readFileSync(file, 'utf8')).toBe('baru\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("keeps the file's owner (when the writer may set it: root, as in CI)", () => {
    const dir = scratch();
    const file = join(dir, 'a.sop');
    writeFileSync(file, 'lama\n');
    const root = process.getuid?.() === 0;
    if (root) chownSync(file, 4321, 4322);
    const before = statSync(file);
    writeFileAtomic(file, 'baru\n');
    const after = statSync(file);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    if (root) expect(after.uid).toBe(4321);
  });

  it('writes through a symbolic link: the link stays, its target gets the content', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'target.sop'), 'lama\n');
    symlinkSync(join(dir, 'target.sop'), join(dir, 'link.sop'));
    writeFileAtomic(join(dir, 'link.sop'), 'baru\n');
    expect(lstatSync(join(dir, 'link.sop')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.sop'), 'utf8')).toBe('baru\n');
  });

  it('leaves the old file whole and no temp file when the write fails', () => {
    const dir = scratch();
    const file = join(dir, 'a.sop');
    writeFileSync(file, 'lama\n');
    // A folder where the temp file's folder should be: the write fails before the rename.
    expect(() => writeFileAtomic(join(file, 'x.json'), 'baru\n')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('lama\n');
    expect(readdirSync(dir)).toEqual(['a.sop']);
  });

  it('writes a character device in place: /dev/null stays a device', () => {
    writeFileAtomic('/dev/null', 'laporan\n');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes a FIFO in place, for the process reading it, and the FIFO stays', async () => {
    const dir = scratch();
    const fifo = join(dir, 'pipe');
    await new Promise<void>((done, fail) => spawn('mkfifo', [fifo]).on('exit', (code) => (code === 0 ? done() : fail(new Error(`mkfifo ${code}`)))));
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk) => (read += chunk));
    const ended = new Promise((done) => reader.on('close', done));
    writeFileAtomic(fifo, 'laporan\n');
    await ended;
    expect(read).toBe('laporan\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 30_000);

  it('refuses a folder, and a symbolic link to nothing', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'report.json'));
    expect(refusal(() => writeFileAtomic(join(dir, 'report.json'), '{}')).reason).toBe('not-a-file');
    symlinkSync(join(dir, 'missing.json'), join(dir, 'dangling.json'));
    expect(refusal(() => writeFileAtomic(join(dir, 'dangling.json'), '{}')).reason).toBe('dangling-link');
    expect(readdirSync(dir).sort()).toEqual(['dangling.json', 'report.json']);
  });

  it('refuses a symbolic link whose target is protected (an SOP being checked)', () => {
    const dir = scratch();
    const sop = join(dir, 'a.sop');
    writeFileSync(sop, 'Judul SOP: A\n');
    symlinkSync(sop, join(dir, 'report.json'));
    const error = refusal(() => writeFileAtomic(join(dir, 'report.json'), '{}', { protect: (real) => real === sop }));
    expect(error.reason).toBe('protected');
    expect(readFileSync(sop, 'utf8')).toBe('Judul SOP: A\n');
  });

  it('leaves a read-only file alone, also when run as root', () => {
    const dir = scratch();
    const file = join(dir, 'a.sop');
    writeFileSync(file, 'lama\n');
    chmodSync(file, 0o444);
    expect(refusal(() => writeFileAtomic(file, 'baru\n')).reason).toBe('read-only');
    expect(readFileSync(file, 'utf8')).toBe('lama\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['a.sop']);
  });

  it('writes a hard-linked file in place: every name sees the new content', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.sop'), 'lama\n');
    linkSync(join(dir, 'a.sop'), join(dir, 'b.sop'));
    writeFileAtomic(join(dir, 'a.sop'), 'baru\n');
    expect(readFileSync(join(dir, 'b.sop'), 'utf8')).toBe('baru\n');
    expect(statSync(join(dir, 'a.sop')).nlink).toBe(2);
    expect(statSync(join(dir, 'a.sop')).ino).toBe(statSync(join(dir, 'b.sop')).ino);
  });

  it('writes only if the file still holds the expected text', () => {
    const dir = scratch();
    const file = join(dir, 'a.sop');
    writeFileSync(file, 'diubah orang lain\n');
    expect(refusal(() => writeFileAtomic(file, 'baru\n', { expected: 'lama\n' })).reason).toBe('changed');
    expect(readFileSync(file, 'utf8')).toBe('diubah orang lain\n');
    expect(readdirSync(dir)).toEqual(['a.sop']);
    writeFileAtomic(file, 'baru\n', { expected: 'diubah orang lain\n' });
    expect(readFileSync(file, 'utf8')).toBe('baru\n');
  });

  it("removes temp files of soplint's pattern whose process is gone, and nothing else", () => {
    const dir = scratch();
    const dead = deadPid();
    const names = [`.a.sop.${dead}.1700000000000.tmp`, `.a.sop.${process.ppid}.${Date.now()}.tmp`, '.a.sop.tmp', 'b.tmp', '.catatan.txt'];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    removeStaleTemporaries(dir);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
    // A temp file a day old is stale even if its process id runs a process again.
    const old = scratch();
    writeFileSync(join(old, `.a.sop.${process.ppid}.1700000000000.tmp`), 'x');
    removeStaleTemporaries(old);
    expect(readdirSync(old)).toEqual([]);
  });

  it('reads temp names of its own pattern only', () => {
    expect(parseTemporaryName('.x.sop.123.1700000000000.tmp')).toEqual({ pid: 123, ms: 1700000000000 });
    expect(parseTemporaryName('.x.123.456.tmp')).toEqual({ pid: 123, ms: 456 });
    for (const other of ['x.sop.1.2.tmp', '.1.2.tmp', '.x.sop.a.2.tmp', '.x.sop.1.2.tmpx', '.x.tmp']) expect(parseTemporaryName(other)).toBeUndefined();
  });
});
