/**
 * The chain of documents along a procedure's forward flow: which Kelengkapan no earlier step
 * produced, and which Output no later step uses. Both chain rules read one analysis, so that a broken
 * hand-over between two steps is one finding (at the step that needs the document, naming the Output
 * that was left unused), never one from each end.
 *
 * What counts as a document: an item that names a kind of document ("surat", "telaahan", "laporan",
 * ...; rule options can add words), is not equipment listed under Peralatan/Perlengkapan, not a
 * status, and not only a signature or initials. Two names are the same document when they spell the
 * same, or when their content words have the same stems once generic words ("kegiatan", "hasil"),
 * actor names and qualifiers ("yang telah ...", "bertanda tangan ...") are set aside, and neither
 * is a draft of the other.
 */
import type { Procedure, TextNode } from '../ast/types.js';
import { isPartlyLost } from '../ast/values.js';
import { stemIndonesian } from '../util/indonesian-stem.js';
import { ownCopy } from '../util/own-copy.js';
import { editDistance, plainWords } from '../util/similarity.js';
import { sameArtifact } from './artifacts.js';
import type { ResolvedProcedure } from './resolve.js';
import { DOCUMENT_WORDS, GENERIC, DRAFT, STOPWORDS, QUALIFIERS, TITLES, STATUS, FIGURES, EVENTS, isStock, KIND_ONLY } from './chain-words.js';
import { type ChainItem, handedOn, kinship, partOfAnother, sameDocument } from './chain-matching.js';
import { DocumentIndex, DocumentMatches, EXACT_ANALYSIS_LIMIT } from './chain-index.js';

export { type ChainItem, kinship, sameDocument };

export interface ChainBreak {
  /** Step index that needs the document. */
  step: number;
  input: ChainItem;
  /** A step just before that left Outputs unused: the other end of the same broken hand-over. */
  producer?: { step: number; outputs: ChainItem[] };
  /** When there is no such step: an earlier Output that is most likely meant (by meaning, not spelling). */
  nearest?: { step: number; item: ChainItem };
  /** Later steps that need the same missing document: one root cause, reported once. */
  alsoNeededBy: { step: number; input: ChainItem }[];
}

export interface UnusedOutputs {
  step: number;
  outputs: ChainItem[];
  /** The next step takes an older document instead of this Output (a stale document). */
  staleConsumer?: { step: number; input: ChainItem; producedBy: number };
}

export interface ChainAnalysis {
  breaks: ChainBreak[];
  unused: UnusedOutputs[];
}

export interface ChainVocabulary {
  /** Tells vocabularies apart in the cache of analyses. */
  id: string;
  documentWords: ReadonlySet<string>;
  /** Words found to be (or not to be) a document word misspelt, remembered for the run. */
  misspelt: Map<string, boolean>;
}

const vocabularies = new Map<string, ChainVocabulary>();

/** The document words, plus those a configuration adds (rule option `documentWords`). */
export function chainVocabulary(extraDocumentWords: readonly string[] = []): ChainVocabulary {
  const extra = extraDocumentWords.map((w) => plainWords(w)).filter(Boolean);
  const id = extra.join('\u0000');
  let vocabulary = vocabularies.get(id);
  if (!vocabulary) {
    vocabulary = { id, documentWords: new Set([...DOCUMENT_WORDS, ...extra]), misspelt: new Map() };
    vocabularies.set(id, vocabulary);
  }
  return vocabulary;
}

/** Words of a name, with the spellings of "tanda tangan" made one word. */
function wordsOf(text: string): string[] {
  return plainWords(text)
    .replace(/\b(?:di|ber|pe)?(?:tanda ?tangan|nandatangan)(?:i|an|ani)?\b|\bttd\b/g, 'tandatangan')
    .split(' ')
    .filter(Boolean);
}

interface ItemContext {
  vocabulary: ChainVocabulary;
  actorWords: ReadonlySet<string>;
  equipment: readonly string[];
}

/** A document word misspelt by one letter ("Telahaan", "Undngan") is still a document word. */
function isDocumentWord(word: string, vocabulary: ChainVocabulary): boolean {
  if (vocabulary.documentWords.has(word)) return true;
  if (word.length < 6) return false;
  // Every word of every name would be compared with every document word: each word once per run.
  let misspelt = vocabulary.misspelt.get(word);
  if (misspelt === undefined) {
    misspelt = false;
    for (const known of vocabulary.documentWords) {
      if (Math.abs(known.length - word.length) <= 1 && editDistance(known, word, 1) <= 1) {
        misspelt = true;
        break;
      }
    }
    if (vocabulary.misspelt.size >= 50_000) vocabulary.misspelt.clear();
    vocabulary.misspelt.set(ownCopy(word), misspelt);
  }
  return misspelt;
}

/** By the word as written: a verb or an activity of the same root ("mendokumentasikan", "pengarsipan") is no document. */
function hasDocumentWord(words: string[], vocabulary: ChainVocabulary): boolean {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (isDocumentWord(word, vocabulary)) return true;
    if (i + 1 < words.length && vocabulary.documentWords.has(`${word} ${words[i + 1]}`)) return true;
  }
  return false;
}

/** The item as a chain document, or null when it is not one (equipment, a status, only a signature). */
function chainItem(node: TextNode, context: ItemContext): ChainItem | null {
  const words = wordsOf(node.text);
  if (words.length === 0 || words.some((w) => STATUS.has(w)) || FIGURES.has(words[0])) return null;
  const key = plainWords(node.text);
  if (context.equipment.some((e) => e === key || sameArtifact(e, key))) return null;
  const cut = words.findIndex((w) => QUALIFIERS.has(w));
  const head = cut < 0 ? words : words.slice(0, cut);
  if (head.length === 0 || !hasDocumentWord(head, context.vocabulary)) return null;
  const core = new Set<string>();
  for (const word of head) {
    if (STOPWORDS.has(word) || GENERIC.has(word) || DRAFT.has(word) || TITLES.has(word) || EVENTS.has(word) || context.actorWords.has(word)) continue;
    core.add(stemIndonesian(word));
  }
  const kind = head.find((w) => isDocumentWord(w, context.vocabulary)) ?? '';
  return { node, key, core, draft: head.some((w) => DRAFT.has(w)) && !draftOrFinal(node.text), kind };
}

/**
 * "konsep/instruksi atasan langsung": a draft word offered as one alternative of a non-draft one
 * names the document either way, so the name is not a draft's ("konsep/draft surat" still is).
 */
function draftOrFinal(text: string): boolean {
  for (const match of text.toLowerCase().matchAll(/([\p{L}]+)\s*\/\s*([\p{L}]+)/gu)) {
    const [a, b] = [match[1], match[2]];
    if (DRAFT.has(a) !== DRAFT.has(b)) return true;
  }
  return false;
}

/**
 * Items of a cell as documents. "Pertimbangan Kabid PP dan Sekretaris" was split at "dan" by the
 * reader of lists; a part that names only an actor joins the part before it again, and any other
 * part that is no document ("tempat acara", "Tanda tangan Kaban") is left out of the chain.
 */
function cellItems(items: TextNode[] | undefined, context: ItemContext, sourceText: string, role: 'input' | 'output'): ChainItem[] {
  const result: ChainItem[] = [];
  let previous: { node: TextNode; item: ChainItem | null } | undefined;
  const nodes = items ?? [];
  for (let i = 0; i < nodes.length; i++) {
    let node = nodes[i];
    // "Form dan Kartu Keanggotaan" split at "dan": a bare kind word names the document of the next part.
    const next = nodes[i + 1];
    const joinedByDan = next && /^\s*(?:dan|serta|&)\s*$/i.test(sourceText.slice(node.span.end, next.span.start));
    if (next && joinedByDan && wordsOf(node.text).every((w) => KIND_ONLY.has(w))) {
      node = { text: `${node.text} ${next.text}`, span: { start: node.span.start, end: next.span.end } };
      i++;
    }
    // What a step takes from the office's shelves (a register, a blank form) is no earlier step's Output;
    // a name cut off in the source ("Data dukung pelaksanaa…") cannot be looked for among them.
    if (role === 'input' && (isStock(node.text) || isPartlyLost(node.text))) {
      previous = { node, item: null };
      continue;
    }
    const item = chainItem(node, context);
    const onlyActors = () => wordsOf(node.text).every((w) => TITLES.has(w) || context.actorWords.has(w));
    if (!item && previous?.item && onlyActors()) {
      const span = { start: previous.node.span.start, end: node.span.end };
      const merged: TextNode = { text: sourceText.slice(span.start, span.end).replace(/\s+/g, ' '), span };
      const joined = chainItem(merged, context);
      if (joined) {
        result[result.length - 1] = joined;
        previous = { node: merged, item: joined };
        continue;
      }
    }
    if (item) result.push(item);
    previous = { node, item };
  }
  return result;
}

/**
 * A Kelengkapan that is only a word of state ("Usulan", "Konsep") names the document its own Kegiatan
 * names with that word ("Memeriksa usulan kerangka acuan, jika setuju ..."): read it as that name.
 */
function namedInKegiatan(item: ChainItem, kegiatan: string, context: ItemContext): ChainItem {
  if (item.core.size > 0 || !DRAFT.has(item.kind) || !wordsOf(item.node.text).every((w) => DRAFT.has(w))) return item;
  const words = wordsOf(kegiatan.split(/[,.;:(]/).find((part) => wordsOf(part).includes(item.kind)) ?? '');
  const after = words.slice(words.indexOf(item.kind) + 1);
  const end = after.findIndex((w) => STOPWORDS.has(w) || QUALIFIERS.has(w) || w === 'jika' || w === 'bila');
  const named = chainItem({ text: [item.kind, ...after.slice(0, end < 0 ? 3 : Math.min(end, 3))].join(' '), span: item.node.span }, context);
  return named && named.core.size > 0 ? { ...named, node: item.node } : item;
}

export interface ChainInput {
  resolved: ResolvedProcedure;
  sourceText: string;
  vocabulary: ChainVocabulary;
  /** Normalised names of inputs declared to come from outside (Masukan Luar, externalInputs). */
  declaredOutside: readonly string[];
  /** Normalised Peralatan/Perlengkapan items of the identity sheet. */
  equipment: readonly string[];
}

/** Steps before this one on the forward flow (returns, i.e. loops back, do not make a step earlier). */
function forwardAncestors(resolved: ResolvedProcedure): (step: number) => (other: number) => boolean {
  const { graph } = resolved;
  if (graph.steps.length > EXACT_ANALYSIS_LIMIT) return (step) => (other) => other < step;
  const sets: Set<number>[] = graph.steps.map(() => new Set<number>());
  // Forward edges always go to a later index, so one pass in written order settles every set.
  graph.steps.forEach((_, index) => {
    for (const edge of graph.incoming[index]) {
      if (edge.isReturn || edge.from >= index) continue;
      const set = sets[index];
      set.add(edge.from);
      for (const ancestor of sets[edge.from]) set.add(ancestor);
    }
  });
  return (step) => (other) => sets[step].has(other);
}

const cache = new WeakMap<Procedure, Map<string, ChainAnalysis>>();

export function analyseChain(input: ChainInput): ChainAnalysis {
  const cacheKey = [input.vocabulary.id, ...input.declaredOutside, '', ...input.equipment].join('\u0001');
  let byKey = cache.get(input.resolved.procedure);
  const hit = byKey?.get(cacheKey);
  if (hit) return hit;
  const analysis = analyse(input);
  if (!byKey) cache.set(input.resolved.procedure, (byKey = new Map()));
  byKey.set(cacheKey, analysis);
  return analysis;
}

function actorWordsOf(resolved: ResolvedProcedure): Set<string> {
  const words = new Set<string>();
  for (const actor of resolved.procedure.actors) {
    for (const word of wordsOf(`${actor.id} ${actor.label}`)) if (!DOCUMENT_WORDS.includes(word)) words.add(word);
  }
  return words;
}

function analyse(input: ChainInput): ChainAnalysis {
  const { resolved, sourceText } = input;
  const { procedure, graph } = resolved;
  const steps = procedure.steps;
  const context: ItemContext = { vocabulary: input.vocabulary, actorWords: actorWordsOf(resolved), equipment: input.equipment };
  const inputs = steps.map((s) => cellItems(s.kelengkapan?.items, context, sourceText, 'input').map((i) => namedInKegiatan(i, s.kegiatan.text, context)));
  const outputs = steps.map((s) => cellItems(s.output?.items, context, sourceText, 'output'));
  const matches = new DocumentMatches(outputs, inputs);
  const producers = new DocumentIndex(outputs, (input) => matches.outputStepsOf.get(input));
  const consumers = new DocumentIndex(inputs, (output) => matches.inputStepsOf.get(output));
  const earlierThan = forwardAncestors(resolved);
  const lostBefore = (index: number) => steps[index].number === null || procedure.missing.some((m) => m.from < steps[index].number!);
  const lostAfter = (index: number) => steps[index].number === null || procedure.missing.some((m) => m.from > steps[index].number!);
  const outside = (item: ChainItem) => input.declaredOutside.some((key) => key === item.key || sameArtifact(key, item.key));
  const firstInputs = inputs[0] ?? [];

  // Where an input comes from: the latest step before it on the forward flow that produces it.
  const producerOf = (index: number, item: ChainItem): number | undefined => {
    return producers.latestBefore(item, index, earlierThan(index));
  };
  const forwardSuccessors = (index: number) => graph.outgoing[index].filter((e) => !e.isReturn && e.to > index).map((e) => e.to);
  const forwardPredecessors = (index: number) => graph.incoming[index].filter((e) => !e.isReturn && e.from < index).map((e) => e.from);
  const takenByNext = (index: number, output: ChainItem) =>
    forwardSuccessors(index).some((next) => inputs[next].some((i) => handedOn(output, i, outputs[next])));
  const givenByPrevious = (index: number, input: ChainItem) =>
    forwardPredecessors(index).some((p) => outputs[p].some((o) => handedOn(o, input, outputs[index])));

  // Outputs that no later step on the forward flow needs.
  const unusedAt = new Map<number, ChainItem[]>();
  steps.forEach((_, index) => {
    if (forwardSuccessors(index).length === 0 || lostAfter(index)) return; // final products, or consumers on lost pages
    const isUsed = (o: ChainItem) => consumers.neededAfter(o, index, earlierThan) || takenByNext(index, o);
    const unused = outputs[index].filter(
      (o) => !isUsed(o) && !(partOfAnother(o, outputs[index]) && outputs[index].some((whole) => whole !== o && isUsed(whole))),
    );
    if (unused.length) unusedAt.set(index, unused);
  });

  // Inputs that no earlier step produced.
  const missing: { step: number; input: ChainItem }[] = [];
  steps.forEach((_, index) => {
    if (index === 0 || lostBefore(index)) return; // the first step's inputs come from outside; lost pages may hold producers
    for (const item of inputs[index]) {
      if (firstInputs.some((f) => sameDocument(item, f)) || outside(item)) continue;
      if (producerOf(index, item) === undefined && !givenByPrevious(index, item)) missing.push({ step: index, input: item });
    }
  });

  const mirrored = new Set<number>();
  const breaks: ChainBreak[] = [];
  for (const entry of missing) {
    // The same missing document needed again later: one root cause, one finding.
    const root = breaks.length <= EXACT_ANALYSIS_LIMIT ? breaks.find((b) => sameDocument(b.input, entry.input)) : undefined;
    if (root) {
      root.alsoNeededBy.push(entry);
      continue;
    }
    const predecessors = forwardPredecessors(entry.step);
    const producerStep = predecessors.filter((p) => unusedAt.has(p)).sort((a, b) => b - a)[0];
    const found: ChainBreak = { step: entry.step, input: entry.input, alsoNeededBy: [] };
    if (producerStep !== undefined) {
      found.producer = { step: producerStep, outputs: unusedAt.get(producerStep)! };
      mirrored.add(producerStep);
    } else if (steps.length <= EXACT_ANALYSIS_LIMIT) {
      // The nearest earlier Output that shares content words: a name to suggest, if one is clear.
      const earlier = earlierThan(entry.step);
      let best: { step: number; item: ChainItem; score: number } | undefined;
      for (let step = entry.step - 1; step >= 0; step--) {
        if (!earlier(step)) continue;
        for (const item of outputs[step]) {
          const score = kinship(entry.input, item);
          if (score >= 0.5 && (!best || score > best.score)) best = { step, item, score };
        }
      }
      if (best) found.nearest = { step: best.step, item: best.item };
    }
    breaks.push(found);
  }

  const unused: UnusedOutputs[] = [];
  for (const [step, items] of unusedAt) {
    if (mirrored.has(step)) continue;
    const entry: UnusedOutputs = { step, outputs: items };
    // The next step takes an older document instead: name this one's Output at that step.
    for (const next of forwardSuccessors(step)) {
      for (const item of inputs[next]) {
        const producedBy = producerOf(next, item);
        if (producedBy !== undefined && producedBy < step) {
          entry.staleConsumer = { step: next, input: item, producedBy };
          break;
        }
      }
      if (entry.staleConsumer) break;
    }
    unused.push(entry);
  }
  unused.sort((a, b) => a.step - b.step);
  return { breaks, unused };
}
