/**
 * Two tiers. `npm run test:fast` (project "fast") is what a developer runs after each edit: no browser,
 * no PDF, no packing, no long property runs; it finishes within a minute. `npm test` runs both tiers.
 * A test file is slow by nature when its name ends in `.slow.test.ts`, or when it is listed below.
 *
 * The fast tier shares one module graph per worker (`isolate: false`): each file no longer imports and
 * transforms src/ again, which cut its CPU time by a quarter (152 s -> 112 s, both under load ~20; all
 * 1,446 tests pass either way). No test file mocks modules or changes process-wide state for others.
 *
 * Timeouts: a CI machine is a busy 2-vCPU box, so vitest's 5 s default is a wall-clock assertion in
 * disguise. The floor here is generous; files that start browsers, processes or property runs also set
 * their own (vi.setConfig) so that the reason stands next to the test.
 */
import { defineConfig } from 'vitest/config';

const SLOW = [
  'test/**/*.slow.test.ts',
  'test/render/form/browser.test.ts',
  'test/render/mermaid/browser.test.ts',
  'test/render/form/property.test.ts',
  'test/checker/fix-property.test.ts',
  'test/cli/package.test.ts',
  'test/cli/parallel.test.ts',
];

const shared = { testTimeout: 30_000, hookTimeout: 120_000, globalSetup: ['test/global-setup.ts'] };

export default defineConfig({
  test: {
    // Vitest's default on 2 vCPUs is one worker; two halve the wall time when the machine is idle.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, isolate: false, ...shared } },
      { extends: true, test: { name: 'slow', include: SLOW, ...shared } },
    ],
  },
});
