/**
 * The Keterkaitan graph of a corpus: its SOPs, the external SOPs they name, and who names whom, from
 * the references the checker collects (documentReferences), resolved by the checker's reference
 * table (by number or title against the corpus; anything else is an external SOP).
 */
import { basename } from 'node:path';
import { indexEntry } from '../../../resolve/corpus-index.js';
import { documentReferences, ReferenceTable, referenceKey } from '../../../resolve/references.js';
import type { RenderInput } from '../../registry.js';

export interface SopNode {
  id: string;
  kind: 'corpus' | 'external';
  /** "SOP-506/BKBPM Temu Forum Anak"; an external SOP as the configuration declares it, else as first written. */
  label: string;
  /** The corpus SOP's source file. */
  file?: string;
  /** For sorting: the number's digits, else the label. */
  sortKey: string;
}

export interface SopLink {
  from: string;
  to: string;
  /** Named in the Keterkaitan list, in some step's Keterangan, or both. */
  inKeterkaitan: boolean;
  inKeterangan: boolean;
}

export interface KeterkaitanGraph {
  nodes: SopNode[];
  links: SopLink[];
}

/** What names one external SOP however it is written ("SOP surat keluar." and "SOP Surat Keluar"). */
export function externalKey(label: string): string {
  return referenceKey(label) || label;
}

/** The id of an external SOP's entry on keterkaitan.html, from its key: ASCII letters, digits and '-'. */
export function externalAnchor(key: string): string {
  return `sop-lain-${
    key
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  }`;
}

export function corpusNodeLabel(input: RenderInput): string {
  const identity = input.document.identity;
  const parts = [identity.nomor?.text?.text, identity.judul?.text?.text].filter(Boolean);
  return parts.length ? parts.join(' ') : basename(input.source.path);
}

/** `externalSops`: names the configuration declares, so that they resolve as external SOPs. */
export function buildKeterkaitanGraph(inputs: RenderInput[], externalSops: string[] = []): KeterkaitanGraph {
  const entries = inputs.map((input) => indexEntry(input.document, input.source, documentReferences(input.document, input.source)));
  // One table for the whole render, as the checker builds one per book.
  const table = new ReferenceTable({ entries }, externalSops);
  const nodes = new Map<string, SopNode>();
  inputs.forEach((input, i) => {
    const digits = entries[i].numberDigits;
    const label = corpusNodeLabel(input);
    nodes.set(`file:${input.source.path}`, {
      id: `file:${input.source.path}`,
      kind: 'corpus',
      label,
      file: input.source.path,
      sortKey: digits ? digits.padStart(8, '0') : `~${label}`,
    });
  });
  const links = new Map<string, SopLink>();
  for (const entry of entries) {
    const from = `file:${entry.file}`;
    for (const { text, origin } of entry.references) {
      const target = table.resolve(text);
      let to: string;
      if (target?.entry) to = `file:${target.entry.file}`;
      else {
        // A declared external SOP is spelt as .soplintrc.yaml declares it, not as one file wrote it.
        const label = target?.kind === 'external' ? target.canonical : text.trim();
        const key = externalKey(label);
        to = `external:${key}`;
        if (!nodes.has(to)) nodes.set(to, { id: to, kind: 'external', label, sortKey: `~${key}` });
      }
      if (to === from) continue;
      const id = `${from}\u0000${to}`;
      const link = links.get(id) ?? { from, to, inKeterkaitan: false, inKeterangan: false };
      if (origin.kind === 'keterkaitan') link.inKeterkaitan = true;
      else link.inKeterangan = true;
      links.set(id, link);
    }
  }
  const sorted = [...nodes.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.label.localeCompare(b.label)));
  return { nodes: sorted, links: [...links.values()] };
}
