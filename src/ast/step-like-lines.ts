/**
 * Lines that look like a step whose number does not lex as one: "2) [staf] ...", "2 [staf] ...",
 * "2.[staf] ...", "x. [kabid] ...". Reported once, with the line to write when the number is one.
 */
import { localized } from '../diagnostics/diagnostic.js';
import { SYNTAX, type Report } from './syntax-findings.js';

const MISPLACED_LINE = SYNTAX.misplaced;

/** "x. [kabid] ...", "7a. [jfu] ...", "2) [jfu] ...": a step line whose number does not lex as one. */
const STEP_LIKE = /^(\S{1,5}?)([.):])[ \t]*\[/;
/** "2 [jfu] ...": a step number without its dot. */
const NUMBER_WITHOUT_DOT = /^(\d{1,4})[ \t]+\[/;

/**
 * "2) [staf] ...", "2 [staf] ...", "x. [kabid] ...": a line that looks like a step whose number does
 * not lex as one is reported (with the line to write when the number is one). Whether it was.
 */
export function reportStepLike(text: string, start: number, report: Report, readAs: 'continuation' | 'nothing'): boolean {
  const [readId, readEn] =
    readAs === 'continuation'
      ? ['baris ini dibaca sebagai lanjutan teks di atasnya', 'it is read as more text for the line above']
      : ['baris ini tidak dibaca sebagai langkah', 'it is not read as a step'];
  const step = STEP_LIKE.exec(text);
  const withoutDot = step ? null : NUMBER_WITHOUT_DOT.exec(text);
  if (withoutDot) {
    // "2 [staf] ...": the dot after the number is missing.
    report(
      { start, end: start + withoutDot[1].length },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah ${withoutDot[1]}, tetapi titik sesudah nomornya tidak ada; ${readId}.`,
        `This line looks like step ${withoutDot[1]}, but the dot after its number is missing; ${readEn}.`,
      ),
      localized(`tulis '${withoutDot[1]}. [' di awal baris`, `write '${withoutDot[1]}. [' at the start of the line`),
      { span: { start, end: start + withoutDot[1].length }, text: `${withoutDot[1]}.` },
    );
  } else if (step && /^\d+$/.test(step[1]) && step[2] === '.') {
    // "2.[staf] ...": the number is right, the space after its dot is missing.
    report(
      { start, end: start + step[1].length + 1 },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah ${step[1]}, tetapi sesudah '${step[1]}.' tidak ada spasi; ${readId}.`,
        `This line looks like step ${step[1]}, but there is no space after '${step[1]}.'; ${readEn}.`,
      ),
      localized(`tulis '${step[1]}. [' di awal baris`, `write '${step[1]}. [' at the start of the line`),
      { span: { start: start + step[1].length + 1, end: start + step[1].length + 1 }, text: ' ' },
    );
  } else if (step && /^\d+$/.test(step[1])) {
    // "2) [staf] ...", "2: [staf] ...": a number, but not written as a step number.
    report(
      { start, end: start + step[1].length + 1 },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah ${step[1]}, tetapi nomor langkah ditulis '${step[1]}.', bukan '${step[1]}${step[2]}'; ${readId}.`,
        `This line looks like step ${step[1]}, but a step number is written '${step[1]}.', not '${step[1]}${step[2]}'; ${readEn}.`,
      ),
      localized(`tulis '${step[1]}. [' di awal baris`, `write '${step[1]}. [' at the start of the line`),
      { span: { start: start + step[1].length, end: start + step[1].length + 1 }, text: '.' },
    );
  } else if (step) {
    report(
      { start, end: start + step[1].length + 1 },
      MISPLACED_LINE,
      localized(
        `Baris ini tampak seperti langkah, tetapi '${step[1]}' bukan nomor langkah; ${readId}.`,
        `This line looks like a step, but '${step[1]}' is not a step number; ${readEn}.`,
      ),
      localized(
        "tulis nomornya dengan angka, mis. '7. [kasubbid] ...', atau '?.' bila sumber tidak memberi nomor",
        "write the number in digits, e.g. '7. [kasubbid] ...', or '?.' when the source gives no number",
      ),
    );
  }
  return step !== null || withoutDot !== null;
}
