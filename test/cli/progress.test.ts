import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe('the progress line', () => {
  it('is drawn on a terminal for long runs, and cleared at the end', () => {
    const { stream, written } = fakeStream(true);
    const report = progressReporter(100, stream)!;
    report(1, 100);
    report(100, 100);
    expect(written.join('')).toContain('soplint: 1/100 files');
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('is never drawn when stderr is not a terminal, or for short runs', () => {
    expect(progressReporter(1000, fakeStream(false).stream)).toBeUndefined();
    expect(progressReporter(3, fakeStream(true).stream)).toBeUndefined();
  });
});
