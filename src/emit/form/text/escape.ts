/**
 * Escaping for the official form's markup (HTML and SVG): every piece of .sop text goes through
 * `markup`, the project's one XML escaper (src/util/xml-text.ts), which also replaces characters
 * XML 1.0 forbids by U+FFFD so that a stray control character cannot make the SVG ill-formed.
 */
import { escapeXml } from '../../../util/xml-text.js';

/** Escaped and XML-safe: the form every .sop string is written in. */
export const markup = escapeXml;
