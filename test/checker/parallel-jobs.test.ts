import { describe, expect, it } from 'vitest';
import { chooseJobs, FILES_PER_WORKER, PARALLEL_THRESHOLD } from '../../src/checker/parallel.js';

describe('chooseJobs: worker threads from the free cores and the corpus size', () => {
  it('keeps small corpora in one thread, however many cores are free', () => {
    expect(chooseJobs({ cores: 16, load: 0, files: PARALLEL_THRESHOLD - 1 })).toBe(1);
    expect(chooseJobs({ cores: 16, load: 0, files: 10 })).toBe(1);
  });

  it('uses every free core of an idle machine for a large corpus, at most 8', () => {
    expect(chooseJobs({ cores: 2, load: 0, files: 10_000 })).toBe(2);
    expect(chooseJobs({ cores: 4, load: 0.2, files: 10_000 })).toBe(4);
    expect(chooseJobs({ cores: 64, load: 0, files: 100_000 })).toBe(8);
  });

  it('counts only the cores the load average leaves free', () => {
    expect(chooseJobs({ cores: 8, load: 3, files: 10_000 })).toBe(5);
    expect(chooseJobs({ cores: 4, load: 1.6, files: 10_000 })).toBe(2);
    expect(chooseJobs({ cores: 4, load: 2.6, files: 10_000 })).toBe(1);
  });

  it('uses one thread when no core is free, or only one', () => {
    expect(chooseJobs({ cores: 2, load: 1, files: 10_000 })).toBe(1);
    expect(chooseJobs({ cores: 2, load: 26, files: 10_000 })).toBe(1);
    expect(chooseJobs({ cores: 1, load: 0, files: 10_000 })).toBe(1);
  });

  it('gives each worker at least FILES_PER_WORKER files', () => {
    expect(chooseJobs({ cores: 16, load: 0, files: 3 * FILES_PER_WORKER + 1 })).toBe(3);
    expect(chooseJobs({ cores: 16, load: 0, files: PARALLEL_THRESHOLD })).toBe(2);
  });

  it('treats a load average it cannot read (NaN, negative) as an idle machine', () => {
    expect(chooseJobs({ cores: 2, load: Number.NaN, files: 10_000 })).toBe(2);
    expect(chooseJobs({ cores: 2, load: -1, files: 10_000 })).toBe(2);
  });

  it('never returns fewer than one thread', () => {
    for (const cores of [0, 1, 2, 3])
      for (const load of [0, 0.5, 1.5, 40]) for (const files of [0, 2000, 50_000]) expect(chooseJobs({ cores, load, files })).toBeGreaterThanOrEqual(1);
  });
});
