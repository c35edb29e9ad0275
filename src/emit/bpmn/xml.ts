/**
 * XML text and attribute values of the BPMN file: the project's one XML escaper
 * (src/util/xml-text.ts), with line breaks kept as references in attributes.
 */
import { escapeXmlAttribute } from '../../util/xml-text.js';

export const xmlText = escapeXmlAttribute;
