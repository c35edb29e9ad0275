/**
 * Applying the fixes of a file's findings to its text. Fixes that overlap one already taken are left
 * for the next pass (after a re-check their findings, if still there, carry fresh offsets).
 */
import type { Fix } from '../diagnostics/diagnostic.js';

export interface FixOutcome {
  text: string;
  /** The fixes applied, in the order of the text. */
  applied: Fix[];
  /** Fixes not applied in this pass: they overlap one applied, or do not fit the text. */
  deferred: Fix[];
}

export function applyFixes(text: string, fixes: Fix[]): FixOutcome {
  const ordered = [...fixes].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  let end = -1;
  for (const fix of ordered) {
    const fits =
      Number.isInteger(fix.offset) && Number.isInteger(fix.endOffset) && fix.offset >= 0 && fix.offset <= fix.endOffset && fix.endOffset <= text.length;
    // Touching is overlapping too: two insertions at one place have no certain order.
    if (!fits || fix.offset <= end) deferred.push(fix);
    else if (text.slice(fix.offset, fix.endOffset) === fix.text)
      continue; // already so
    else {
      applied.push(fix);
      end = fix.endOffset;
    }
  }
  let result = text;
  for (let i = applied.length - 1; i >= 0; i--) result = result.slice(0, applied[i].offset) + applied[i].text + result.slice(applied[i].endOffset);
  return { text: result, applied, deferred };
}
