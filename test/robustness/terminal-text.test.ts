import { describe, expect, it } from 'vitest';
import { hasUnsafeTerminalText, terminalLines, terminalText } from '../../src/util/terminal-text.js';

describe('terminalText', () => {
  it('shows control characters as \\xHH and bidi controls as U+HHHH', () => {
    expect(terminalText('a\x1b[2Jb\x07c\x9bd')).toBe('a\\x1b[2Jb\\x07c\\x9bd');
    expect(terminalText('x\u202Ey\u2066z\u200F')).toBe('xU+202EyU+2066zU+200F');
    expect(terminalText('baris\nkedua\r')).toBe('baris\\x0akedua\\x0d');
    expect(terminalText('\x1b]8;;https://x.example\x07tautan\x1b]8;;\x07')).not.toMatch(/[\x00-\x1f]/);
  });

  it('leaves ordinary text, tabs and non-Latin letters as they are', () => {
    const text = 'Kabid PMKS\tmenyerahkan — “arsip” ✓ 日本語 العربية';
    expect(terminalText(text)).toBe(text);
    expect(hasUnsafeTerminalText(text)).toBe(false);
    expect(hasUnsafeTerminalText('a\x1bb')).toBe(true);
  });

  it('keeps line breaks in multi-line blocks only', () => {
    expect(terminalLines('a\r\nb\x1b\n')).toBe('a\r\nb\\x1b\n');
    // A lone carriage return would return to the line's start and overwrite what it shows.
    expect(terminalLines('aman\rPALSU\r\n')).toBe('aman\\x0dPALSU\r\n');
  });
});
