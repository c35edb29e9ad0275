/**
 * Phase 1 spread over worker threads, for large runs of the bundled CLI. Each worker builds its own
 * parser (tens of milliseconds), so small runs stay in one thread. The results are the same as in one
 * thread: the order of files is kept, and phase 2 runs afterwards on the main thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types.js';
import type { FileOutcome } from './file-phase.js';
import { currentTimings, type TimingTotals } from '../util/timing.js';

/** What a worker (src/check-worker.ts, built as dist/worker.js) is given. */
export interface WorkerTask {
  files: { path: string; absolute: string }[];
  config: ResolvedConfig;
}

/** A batch of results, in the order of the task's files; `done` on the last. */
export interface WorkerMessage {
  outcomes: FileOutcome[];
  done: boolean;
  /** With SOPLINT_TIMING, on the last message: the worker's timings, added to this thread's. */
  timings?: TimingTotals;
}

/**
 * Below this many files one thread is faster than starting workers (each loads the bundle and builds
 * its parser): measured on 2 vCPUs, 1,000 SOPs run 20% faster in one thread, 10,000 about 10% slower.
 */
export const PARALLEL_THRESHOLD = 2000;

export function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** What the choice of threads depends on: the machine's cores, how busy they are, the corpus. */
export interface JobsInput {
  /** Cores this process may use (`os.availableParallelism()`). */
  cores: number;
  /** The one-minute load average (`os.loadavg()[0]`): runnable threads, ours not yet among them. */
  load: number;
  /** Files phase 1 will check. */
  files: number;
}

/** Files below which a further worker does not pay for its start (loading the bundle, its parser). */
export const FILES_PER_WORKER = 1000;

/**
 * How many worker threads phase 1 should use: one per core that is actually free (cores minus the
 * load average, rounded), no more than one per FILES_PER_WORKER files and no more than 8; 1 (no workers,
 * the main thread does the work) below PARALLEL_THRESHOLD files or when fewer than two cores are
 * free. On a machine whose cores are busy, workers only compete with each other and with the other
 * processes: measured on a loaded 2-vCPU machine, two workers made a 10k run 37% slower than one
 * thread. A pure function, so that the choice is tested without a machine to match.
 */
export function chooseJobs({ cores, load, files }: JobsInput): number {
  if (files < PARALLEL_THRESHOLD) return 1;
  const free = Math.round(cores - (Number.isFinite(load) && load > 0 ? load : 0));
  const jobs = Math.min(free, Math.floor(files / FILES_PER_WORKER), 8);
  return jobs >= 2 ? jobs : 1;
}

export function defaultJobs(fileCount: number): number {
  if (fileCount < PARALLEL_THRESHOLD || !workerScript()) return 1;
  return chooseJobs({ cores: availableParallelism(), load: loadavg()[0], files: fileCount });
}

export async function checkFilesInWorkers(
  files: { path: string; absolute: string }[],
  config: ResolvedConfig,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
  /** Given each outcome as it arrives (in no particular order) instead of the list: nothing is kept. */
  each?: (outcome: FileOutcome, position: number) => void,
): Promise<FileOutcome[]> {
  const script = workerScript();
  if (!script) throw new Error('worker script not found (run the bundled CLI)');
  const size = Math.ceil(files.length / jobs);
  const chunks = Array.from({ length: jobs }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((c) => c.length);
  let done = 0;
  const results = await Promise.all(
    chunks.map(
      (chunk, c) =>
        new Promise<FileOutcome[]>((resolve, reject) => {
          const task: WorkerTask = { files: chunk, config };
          const worker = new Worker(script, { workerData: task });
          const outcomes: FileOutcome[] = [];
          let position = c * size;
          worker.on('message', (message: WorkerMessage) => {
            for (const outcome of message.outcomes) {
              if (each) each(outcome, position++);
              else outcomes.push(outcome);
            }
            done += message.outcomes.length;
            onProgress?.(done, files.length);
            if (message.timings) currentTimings()?.merge(message.timings);
            if (message.done) resolve(outcomes);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code !== 0 && reject(new Error(`check worker exited with code ${code}`)));
        }),
    ),
  );
  return results.flat();
}
