/**
 * Fields: the value of a label (same-line text, continuation lines, `- ` items) read into a
 * FieldValue, then an identity field into the Identity and a step field into its Step.
 */
import type { IToken } from 'chevrotain';
import { localized } from '../diagnostics/diagnostic.js';
import { IDENTITY_LABELS, LIST_IDENTITY_KEYS, STEP_FIELD_LABELS, type IdentityKey, type StepFieldKey } from '../syntax/labels.js';
import type { FieldBodyNode, IdentityFieldNode, StepFieldNode } from '../syntax/syntax-tree.js';
import type { BuildContext } from './build-context.js';
import { addText, nodeSpan, spanOfTokens, tokenSpan } from './spans.js';
import { SYNTAX } from './syntax-findings.js';
import type { DateField, FieldValue, Identity, IdentityFields, KeteranganField, ReferenceListField, Step, TextNode, WaktuField } from './types.js';
import { findReferences, isPlaceholder, JoinedText, parseDate, parseMarker, parseSymbol, parseWaktu, splitEnumeration, SYMBOL_SPELLINGS } from './values.js';

const identityKeyOfToken = new Map(IDENTITY_LABELS.map((l) => [`Label_${l.key}`, l.key]));
const stepFieldKeyOfToken = new Map<string, StepFieldKey>([
  ...STEP_FIELD_LABELS.map((l): [string, StepFieldKey] => [`Label_${l.key}`, l.key]),
  // `Persyaratan:` under a step is its Kelengkapan.
  ...IDENTITY_LABELS.flatMap((l): [string, StepFieldKey][] => (l.inStep ? [[`Label_${l.key}`, l.inStep]] : [])),
]);
/** The label of a field key as printed ('dasarHukum' → 'Dasar Hukum'). */
export const canonicalLabel = new Map<string, string>([...IDENTITY_LABELS, ...STEP_FIELD_LABELS].map((l) => [l.key, l.canonical]));

/**
 * A label as written, without its colon: one string per spelling, not one per field (a table of
 * 100,000 steps writes 'Kelengkapan' 100,000 times). The spellings a file uses are few.
 */
const labelSpellings = new Map<string, string>();
function labelText(image: string): string {
  let text = labelSpellings.get(image);
  if (text === undefined) {
    text = image.endsWith(':') ? image.slice(0, -1).trimEnd() : image;
    if (labelSpellings.size > 1000) labelSpellings.clear();
    labelSpellings.set(image, text);
  }
  return text;
}

/** The value of a label: same-line text, continuation lines, `- ` items. */
export function fieldValue(ctx: BuildContext, labelToken: IToken, body: FieldBodyNode | undefined): { value: FieldValue; joined: JoinedText } {
  const joined = new JoinedText();
  const items: TextNode[] = [];
  if (body) addText(joined, body.text, ctx.unreadLines, true);
  for (const item of body?.items ?? []) {
    if (item.dash && ctx.unreadLines.has(item.dash.startOffset)) continue;
    const itemText = new JoinedText();
    addText(itemText, item.text, ctx.unreadLines);
    const node = itemText.node();
    if (node) items.push(node);
    else
      ctx.report(
        tokenSpan(item.dash!),
        SYNTAX.invalid,
        localized('Butir daftar kosong setelah "-".', 'Empty list item after "-".'),
        localized('tulis isinya atau hapus baris ini', 'write the item or delete the line'),
      );
  }
  const label: TextNode = { text: labelText(labelToken.image), span: tokenSpan(labelToken) };
  const textNode = joined.node();
  const span = body ? nodeSpan(body, labelToken) : spanOfTokens([labelToken]);
  const value: FieldValue = { label, text: textNode, items, span };
  const marker = textNode ? parseMarker(textNode.text) : undefined;
  if (marker) {
    value.marker = marker;
    value.text = null;
  }
  // "......./SOP/PROKOPIM/.........", "-", "___": nothing was filled in.
  if (textNode && !marker && isPlaceholder(textNode.text)) {
    value.placeholder = textNode;
    value.text = null;
  }
  const blankItems = value.items.filter((item) => isPlaceholder(item.text));
  if (blankItems.length) {
    value.items = value.items.filter((item) => !blankItems.includes(item));
    if (!value.text && !value.placeholder && value.items.length === 0) value.placeholder = blankItems[0];
  }
  return { value, joined };
}

/** Reads one identity field into `identity`; returns its key. */
export function readIdentityField(ctx: BuildContext, identity: Identity, node: IdentityFieldNode): IdentityKey {
  const labelToken = node.label!;
  const key = identityKeyOfToken.get(labelToken.tokenType.name) as IdentityKey;
  const { value, joined } = fieldValue(ctx, labelToken, node.body);
  if (identity[key] && key !== 'identitas') {
    ctx.report(
      value.label.span,
      SYNTAX.duplicate,
      localized(
        `Kolom '${canonicalLabel.get(key)}' ditulis dua kali; yang kedua diabaikan.`,
        `The field '${canonicalLabel.get(key)}' is written twice; the second one is ignored.`,
      ),
      localized('gabungkan keduanya menjadi satu', 'merge them into one'),
    );
    return key;
  }
  if (key === 'identitas') {
    if (value.marker === 'hilang') identity.missing = true;
    else
      ctx.report(
        value.span,
        SYNTAX.invalid,
        localized(`'Identitas:' hanya menerima '(hilang)', ditemukan '${joined.text}'.`, `'Identitas:' only takes '(hilang)', found '${joined.text}'.`),
        localized("tulis 'Identitas: (hilang)' bila lembar identitas tidak ada di sumber", "write 'Identitas: (hilang)' when the source has no identity sheet"),
      );
    identity.identitas = value;
    return key;
  }
  if (LIST_IDENTITY_KEYS.has(key) && value.text && value.items.length === 0) {
    // A one-item list written on the label's line.
    value.items = [value.text];
  }
  if (key === 'tanggalPembuatan' || key === 'tanggalRevisi' || key === 'tanggalEfektif') {
    (value as DateField).date = value.text ? parseDate(value.text.text) : null;
  }
  if (key === 'keterkaitan') {
    const refs = value.items.flatMap((item) => findReferences(item, (i) => item.span.start + i));
    (value as ReferenceListField).references = refs;
  }
  (identity as IdentityFields)[key] = value;
  return key;
}

/** Reads one step field (Kelengkapan, Waktu, Output, Keterangan, Catatan, Simbol) into `step`. */
export function readStepField(ctx: BuildContext, step: Step, node: StepFieldNode): void {
  const labelToken = node.label!;
  const key = stepFieldKeyOfToken.get(labelToken.tokenType.name) as StepFieldKey;
  const { value, joined } = fieldValue(ctx, labelToken, node.body);
  const existing = key === 'simbol' ? step.explicitSymbol : step[key];
  if (existing) {
    ctx.report(
      value.label.span,
      SYNTAX.duplicate,
      localized(
        `Langkah ini sudah punya '${canonicalLabel.get(key)}'; yang kedua diabaikan.`,
        `This step already has '${canonicalLabel.get(key)}'; the second one is ignored.`,
      ),
      localized('gabungkan keduanya menjadi satu', 'merge them into one'),
    );
    return;
  }
  switch (key) {
    case 'kelengkapan':
    case 'output':
      if (value.text && value.items.length === 0) value.items = splitEnumeration(value.text, joined.offsetOf);
      step[key] = value;
      break;
    case 'waktu': {
      const waktu = value as WaktuField;
      if (value.text) Object.assign(waktu, parseWaktu(value.text.text));
      else waktu.duration = null;
      step.waktu = waktu;
      break;
    }
    case 'keterangan': {
      const keterangan = value as KeteranganField;
      keterangan.references = value.text ? findReferences(value.text, joined.offsetOf) : [];
      keterangan.references.push(...value.items.flatMap((item) => findReferences(item, (i) => item.span.start + i)));
      step.keterangan = keterangan;
      break;
    }
    case 'catatan':
      step.catatan = value;
      break;
    case 'simbol': {
      const symbol = value.text ? parseSymbol(value.text.text) : undefined;
      if (!symbol) {
        ctx.report(
          value.span,
          SYNTAX.invalid,
          localized(`Simbol '${value.text?.text ?? ''}' tidak dikenal.`, `Unknown symbol '${value.text?.text ?? ''}'.`),
          localized(`pilih salah satu: ${SYMBOL_SPELLINGS.join(', ')}`, `choose one of: ${SYMBOL_SPELLINGS.join(', ')}`),
        );
      } else step.explicitSymbol = symbol;
      break;
    }
  }
}
