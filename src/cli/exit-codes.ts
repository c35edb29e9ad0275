/** Exit codes, as linters in CI use them. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
/** Usage error, bad config, unreadable input, nothing matched, internal error. */
export const EXIT_USAGE = 2;

export class UsageError extends Error {}
