/**
 * Phase 1 spread over worker threads, for large runs of the bundled CLI. Each worker builds its own
 * parser (tens of milliseconds), so small runs stay in one thread. The results are the same as in one
 * thread: the order of files is kept, and phase 2 runs afterwards on the main thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types.js';
import type { FileOutcome } from './file-phase.js';

/**
 * Below this many files one thread is faster than starting workers (each loads the bundle and builds
 * its parser): measured on 2 vCPUs, 1,000 SOPs run 20% faster in one thread, 10,000 about 10% slower.
 */
/** What a worker (src/check-worker.ts, built as dist/worker.js) is given. */
export interface WorkerTask {
  files: { path: string; absolute: string }[];
  config: ResolvedConfig;
}

/** A batch of results, in the order of the task's files; `done` on the last. */
export interface WorkerMessage {
  outcomes: FileOutcome[];
  done: boolean;
}

export const PARALLEL_THRESHOLD = 2000;

export function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

export function defaultJobs(fileCount: number): number {
  if (fileCount < PARALLEL_THRESHOLD || !workerScript()) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export async function checkFilesInWorkers(
  files: { path: string; absolute: string }[],
  config: ResolvedConfig,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<FileOutcome[]> {
  const script = workerScript();
  if (!script) throw new Error('worker script not found (run the bundled CLI)');
  const size = Math.ceil(files.length / jobs);
  const chunks = Array.from({ length: jobs }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((c) => c.length);
  let done = 0;
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<FileOutcome[]>((resolve, reject) => {
          const task: WorkerTask = { files: chunk, config };
          const worker = new Worker(script, { workerData: task });
          const outcomes: FileOutcome[] = [];
          worker.on('message', (message: WorkerMessage) => {
            for (const outcome of message.outcomes) outcomes.push(outcome);
            done += message.outcomes.length;
            onProgress?.(done, files.length);
            if (message.done) resolve(outcomes);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code !== 0 && reject(new Error(`check worker exited with code ${code}`)));
        }),
    ),
  );
  return results.flat();
}
