/**
 * Phase 1's findings kept on disk until the report is written, so that a run over 100,000 files holds
 * no more of them in memory than one file's. Each file's findings are one JSON text in a temporary
 * file, read back by its path; the file is removed by `close()` (and when the process exits).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export class FindingSpool {
  private readonly folder = mkdtempSync(join(tmpdir(), 'soplint-findings-'));
  private readonly fd = openSync(join(this.folder, 'findings.json'), 'w+', 0o600);
  private readonly at = new Map<string, { offset: number; length: number }>();
  private size = 0;
  private closed = false;
  private readonly onExit = () => this.close();

  constructor() {
    process.once('exit', this.onExit);
  }

  put(file: string, diagnostics: readonly Diagnostic[]): void {
    if (diagnostics.length === 0) return;
    const bytes = Buffer.from(JSON.stringify(diagnostics), 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    this.at.set(file, { offset: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  /** The findings stored for `file` (new objects, equal to those stored but for fields that were undefined). */
  get(file: string): Diagnostic[] {
    const place = this.at.get(file);
    if (!place) return [];
    const bytes = Buffer.allocUnsafe(place.length);
    for (let done = 0; done < place.length; ) {
      const read = readSync(this.fd, bytes, done, place.length - done, place.offset + done);
      if (read === 0) throw new Error('the findings spool is shorter than written');
      done += read;
    }
    return JSON.parse(bytes.toString('utf8')) as Diagnostic[];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('exit', this.onExit);
    closeSync(this.fd);
    rmSync(this.folder, { recursive: true, force: true });
  }
}
