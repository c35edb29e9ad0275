/** The stylesheet of the form's pages: A4 landscape sheets for print, the same sheets on a grey desk on screen. */
import { FONT_FAMILY } from '../text/metrics.js';
import { SIGNATURE_HEIGHT_MM } from './identity-sheet.js';

export const FORM_CSS = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { font-family: '${FONT_FAMILY}', sans-serif; font-size: 9pt; line-height: 1.3; color: #000; background: #fff; }
body { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.sheet { width: 277mm; break-after: page; page-break-after: always; break-inside: avoid; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.sheet > svg { display: block; }
svg text { font-kerning: none; font-variant-ligatures: none; text-rendering: geometricPrecision; }
p { margin: 0; }
.marker { font-style: italic; }
table.identity { width: 100%; border-collapse: collapse; table-layout: fixed; }
.identity col.unit-a, .identity col.unit-b { width: 25%; }
.identity col.label { width: 16%; }
.identity th, .identity td { border: 1px solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.identity td.unit { text-align: center; vertical-align: middle; font-weight: bold; font-size: 12pt; }
.identity td.unit p + p { margin-top: 2mm; }
.identity td.unit img.logo { display: block; max-width: 100%; max-height: 22mm; margin: 0 auto 2mm; }
.identity .pair-head th { text-align: left; background: #f0f0f0; }
.identity .pair-body td { height: 16mm; }
.identity ol { margin: 0; padding-left: 5mm; }
.identity .signature { height: ${SIGNATURE_HEIGHT_MM}mm; }
.identity .signer { font-weight: bold; text-decoration: underline; }
table.paraf { margin-top: 4mm; margin-left: auto; border-collapse: collapse; }
.paraf th, .paraf td { border: 1px solid #000; padding: 1mm 2mm; min-width: 30mm; font-weight: normal; text-align: center; overflow-wrap: anywhere; }
.paraf td { height: 12mm; }
@media screen {
  html { background: #d9d9d9; }
  body { padding: 8mm 0; }
  .sheet { width: 297mm; margin: 0 auto 8mm; padding: 10mm; background: #fff; box-shadow: 0 0.5mm 2mm rgba(0, 0, 0, 0.35); }
}
`;
