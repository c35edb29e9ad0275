/**
 * Text from a file shown on a terminal (or a CI log that renders escapes): control characters and
 * bidirectional controls are shown escaped, so a `.sop` file cannot clear the screen, forge colours or
 * links (ESC, OSC 8), ring the bell, or reorder what a line shows (Trojan Source, U+202E).
 *
 * C0 controls (except tab), DEL and C1 controls become `\xHH` (`\n` and `\r` too, so one finding's
 * message cannot forge another line); bidi controls and line/paragraph separators become `U+HHHH`.
 */

// One character class, no quantifier: linear, and only the characters to escape are visited.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// A carriage return not followed by a line feed would return to the line's start and overwrite it.
const UNSAFE_KEEPING_NEWLINES = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0x9f ? `\\x${code.toString(16).padStart(2, '0')}` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every control and bidi character shown escaped. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** The same, keeping line breaks (`\n`, `\r\n`; not a lone `\r`) as they are: for multi-line blocks such as an error message. */
export function terminalLines(text: string): string {
  return text.replace(UNSAFE_KEEPING_NEWLINES, escapeOne);
}

/** Whether `text` holds anything terminalText would escape. */
export function hasUnsafeTerminalText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}
