/**
 * How much room a text needs where BPMN tools draw it (bpmn.io: 12 px, external labels 11 px, line
 * height 1.2 em, wrapped to the shape). Widths are measured in DejaVu Sans, wider than Arial, which the
 * tools ask for; bpmn.io breaks a line by a character estimate before it measures, so lines are
 * wrapped here to a narrower width than the shape's, and boxes come out a little generous.
 */
import { wrapText } from '../form/text/wrap.js';

const FONT = 12;
const LABEL_FONT = 11;
const LINE = 1.2;
/** The share of a line that a wrapped line is assumed to fill. */
const FILL = 0.8;
/** bpmn.io's padding inside a task and an annotation. */
const TASK_PADDING = 7;

const lines = (text: string, width: number, fontSize: number) => Math.max(1, wrapText(text, width * FILL, { fontSize }).length);

const TASK_WIDTHS = [120, 160, 200, 240, 300];
const TASK_MAX_LINES = 6;

export function taskSize(name: string): { width: number; height: number } {
  const width = TASK_WIDTHS.find((w) => lines(name, w - 2 * TASK_PADDING, FONT) <= TASK_MAX_LINES) ?? TASK_WIDTHS[TASK_WIDTHS.length - 1];
  const count = lines(name, width - 2 * TASK_PADDING, FONT);
  return { width, height: Math.max(80, Math.ceil((count + 1) * FONT * LINE + 2 * TASK_PADDING)) };
}

/** The height of an external label (events, gateways, flows) `width` wide. */
export function labelHeight(text: string, width: number): number {
  return Math.ceil((lines(text, width, LABEL_FONT) + 0.5) * LABEL_FONT * LINE);
}

export function annotationHeight(text: string, width: number): number {
  return Math.ceil((lines(text, width - 2 * TASK_PADDING, FONT) + 1) * FONT * LINE + 2 * TASK_PADDING);
}

/** The length a pool's or lane's name strip needs to hold the name in at most two lines. */
export function stripLength(name: string): number {
  for (let length = 100; length < 2000; length += 20) if (lines(name, length, FONT) <= 2) return length + 20;
  return 2000;
}
