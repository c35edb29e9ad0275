/**
 * How far V8 lets the heap grow over what is live, for a run that keeps a large book's index. On a
 * machine with a few GB of memory V8 collects its old generation only once it is about four times
 * what was live after the last collection: phase 1 makes garbage fast, so with 100,000 SOPs' entries
 * live the heap reached four times them before each collection (measured: 45 MB live, 225 MB of heap).
 * Growing by at most half as much again bounds the peak near the live size, for a few more
 * collections. A process-wide V8 setting, made once and left as it is: only runs this large ask.
 */
import { setFlagsFromString } from 'node:v8';

/** Files from which a run bounds its heap's growth (below, the index is small beside the rest). */
export const BOUNDED_GROWTH_FILES = 5000;
const GROWTH_PERCENT = 50;

let bounded = false;

export function boundHeapGrowth(files: number): void {
  if (bounded || files < BOUNDED_GROWTH_FILES) return;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
