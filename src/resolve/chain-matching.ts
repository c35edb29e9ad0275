/**
 * When two names of the document chain (src/resolve/document-chain.ts) are the same document, and
 * when a document is handed from one step to the next under another of its names.
 */
import type { TextNode } from '../ast/types.js';
import { editDistance } from '../util/similarity.js';
import { sameArtifact } from './artifacts.js';
import { KIND_ONLY, PARTS } from './chain-words.js';

export interface ChainItem {
  node: TextNode;
  /** Normalised spelling, for exact and near-miss comparison. */
  key: string;
  /** Stems of the content words. */
  core: ReadonlySet<string>;
  /** Whether the name says it is a draft (rancangan, konsep, net, draft). */
  draft: boolean;
  /** The first word that names a kind of document ("surat" of "surat untuk kegiatan"). */
  kind: string;
}

/** The same stem, or one misspelt by a letter ("lansung" for "langsung") in a word long enough to tell. */
function sameStem(x: string, b: ReadonlySet<string>): boolean {
  if (b.has(x)) return true;
  if (x.length < 6) return false;
  for (const y of b) if (y.length >= 6 && Math.abs(x.length - y.length) <= 1 && editDistance(x, y, 1) <= 1) return true;
  return false;
}

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  for (const x of a) if (!sameStem(x, b)) return false;
  return true;
};

/** The same document: the same spelling (give or take a typo), or the same content words in other forms. */
export function sameDocument(a: ChainItem, b: ChainItem): boolean {
  if (a.key === b.key || sameArtifact(a.key, b.key)) return true;
  if (a.draft !== b.draft || a.core.size === 0 || b.core.size === 0) return false;
  return isSubset(a.core, b.core) || isSubset(b.core, a.core);
}

/** The same document in another state: a draft and what it becomes ("Konsep laporan", "Laporan kegiatan"). */
function sameDocumentInAnyState(a: ChainItem, b: ChainItem): boolean {
  return sameDocument(a, b) || sameDocument(a, { ...b, draft: a.draft });
}

/**
 * A document handed from one step to the next under another name of it: the Output names only its
 * kind ("surat untuk kegiatan", "Sampainya form ke calon anggota") and the next step says which one
 * ("surat pemanggilan peserta", "Form pendaftaran anggota baru"); or the next step takes it in one
 * state and hands it on in another ("Konsep laporan" typed and signed as the "Laporan" it needs).
 */
export function handedOn(output: ChainItem, input: ChainItem, takerOutputs: readonly ChainItem[]): boolean {
  if (output.core.size === 0 && output.draft === input.draft && KIND_ONLY.has(output.kind) && output.kind === input.kind) return true;
  return sameDocumentInAnyState(output, input) && takerOutputs.some((o) => sameDocumentInAnyState(o, input));
}

/** A photo printed onto the card listed with it is part of that card: used when the card is. */
export function partOfAnother(item: ChainItem, cell: readonly ChainItem[]): boolean {
  const wholes = PARTS.get(item.kind);
  return wholes !== undefined && cell.some((other) => other !== item && wholes.has(other.kind));
}

/** How much two names share in content words (0 when one is a draft of the other). */
export function kinship(a: ChainItem, b: ChainItem): number {
  if (a.draft !== b.draft) return 0;
  let shared = 0;
  for (const stem of a.core) if (b.core.has(stem)) shared++;
  return shared === 0 ? 0 : (2 * shared) / (a.core.size + b.core.size);
}
