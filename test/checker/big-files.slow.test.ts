/**
 * Big files of issue 19, each checked once: 100,000 steps in one chain, 100,000 decisions, one
 * document passed along 100,000 steps, and one file with 75,000 findings (an unused Keterkaitan item
 * each) and one finding that counts 75,000 mentions. No time is asserted (the machine may be busy): a return to quadratic time or to recursion shows as a timeout or a stack
 * overflow. bench/scaling.mjs measures how the time grows.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report.js';
import { lintTexts } from '../../src/lint.js';
import { manySteps } from '../robustness/shapes.js';
import { keterkaitanItems, sameDocumentSteps } from './big-shapes.js';

const STEPS = 100_000;
const TIMEOUT = 300_000;

const ruleIds = (text: string) =>
  lintTexts([{ path: 'x.sop', text }])
    .diagnostics.map((d) => `${d.ruleId}:${d.line}`)
    .sort();

// Every shape keeps the clean fixture's one unused Keterkaitan item and its unused actor 'kabid'.
const CLEAN_FINDINGS = ['actor/unused:25', 'xref/not-in-book:15', 'xref/unused-keterkaitan:15'];

describe('big files are checked in bounded time, without overflowing the stack', () => {
  it(
    `checks ${STEPS} steps in one chain`,
    () => {
      expect(ruleIds(manySteps(STEPS))).toEqual(CLEAN_FINDINGS);
    },
    TIMEOUT,
  );

  it(
    `checks ${STEPS} steps that are each a decision`,
    () => {
      // The first step is a decision (not a capsule) and its 'Tidak' goes back to itself.
      expect(ruleIds(manySteps(STEPS, true))).toEqual([...CLEAN_FINDINGS, 'flow/decision-exits:31', 'flow/terminators:27'].sort());
    },
    TIMEOUT,
  );

  it(
    `checks one document passed along ${STEPS} steps`,
    () => {
      expect(ruleIds(sameDocumentSteps(STEPS))).toEqual(CLEAN_FINDINGS);
    },
    TIMEOUT,
  );

  it(
    'checks and reports a file of 75,000 findings and one of 75,000 mentions',
    async () => {
      const items = 75_000;
      const result = lintTexts([{ path: 'x.sop', text: keterkaitanItems(items) }]);
      const count = (ruleId: string) => result.diagnostics.filter((d) => d.ruleId === ruleId).length;
      // Each item is unused, and names an SOP the book lacks: one info for that name (with the
      // step's Keterangan, items + 1 mentions), related to five of them, not a finding per mention.
      expect(count('xref/not-in-book')).toBe(2);
      expect(result.diagnostics.find((d) => d.ruleId === 'xref/not-in-book' && d.related?.length === 5)?.message.en).toContain(`named ${items} times`);
      expect(count('xref/unused-keterkaitan')).toBe(items);
      expect(result.diagnostics.length).toBeGreaterThanOrEqual(75_000);
      const report = JSON.parse(
        await formatReport('json', {
          diagnostics: result.diagnostics,
          fileCount: 1,
          files: ['x.sop'],
          language: 'en',
          color: false,
          sources: new Map(),
          rules: [],
          toolVersion: '0.0.0',
        }),
      );
      expect(report.findings).toHaveLength(result.diagnostics.length);
    },
    TIMEOUT,
  );
});
