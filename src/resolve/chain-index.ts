/**
 * Which steps of a procedure hold a document of a given name, for the document chain
 * (src/resolve/document-chain.ts): every pair compared for a small procedure, an index for a large one.
 */
import { type ChainItem, sameDocument } from './chain-matching.js';

/**
 * Past this many steps, names are matched by exact spelling and by equal content words only, through
 * an index, and every earlier step counts as earlier: the exact analysis compares every pair of steps,
 * which a generated 100,000-step file must not pay for.
 */
export const EXACT_ANALYSIS_LIMIT = 300;

/** Which steps hold a document of the same name: every pair compared for a small procedure, an index for a large one. */
export class DocumentIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly byCore = new Map<string, number[]>();
  private readonly exact = new Map<ChainItem, number[]>();

  constructor(
    private readonly perStep: ChainItem[][],
    /** The steps of this index already found to hold `item` (DocumentMatches), or undefined. */
    private readonly compared?: (item: ChainItem) => number[] | undefined,
  ) {
    if (perStep.length <= EXACT_ANALYSIS_LIMIT) return;
    perStep.forEach((items, step) => {
      for (const item of items) {
        push(this.byKey, item.key, step);
        if (item.core.size) push(this.byCore, coreSignature(item), step);
      }
    });
  }

  /** Steps (ascending) with an item that is the same document as `item` (small procedures: every pair compared). */
  private exactStepsWith(item: ChainItem): number[] {
    // An item is asked about more than once (its producer, then a stale consumer's): compared once.
    let steps = this.exact.get(item) ?? this.compared?.(item);
    if (steps) return steps;
    steps = [];
    const perStep = this.perStep;
    for (let step = 0; step < perStep.length; step++) {
      const items = perStep[step];
      for (let i = 0; i < items.length; i++) {
        if (sameDocument(item, items[i])) {
          steps.push(step);
          break;
        }
      }
    }
    this.exact.set(item, steps);
    return steps;
  }

  private listsOf(item: ChainItem): number[][] {
    const byKey = this.byKey.get(item.key);
    const byCore = item.core.size ? this.byCore.get(coreSignature(item)) : undefined;
    return [byKey, byCore].filter((list): list is number[] => list !== undefined);
  }

  /**
   * The latest step before `index` that `earlier` accepts and that holds the same document as `item`.
   * A large procedure counts every earlier step as earlier: a binary search in each ascending list,
   * not a scan of every step with that name (a document passed along 100,000 steps would be n²).
   */
  latestBefore(item: ChainItem, index: number, earlier: (step: number) => boolean): number | undefined {
    if (this.perStep.length <= EXACT_ANALYSIS_LIMIT) {
      const found = this.exactStepsWith(item).filter((step) => step < index && earlier(step));
      return found.length ? found[found.length - 1] : undefined;
    }
    let best: number | undefined;
    for (const list of this.listsOf(item)) {
      const at = firstAtOrAfter(list, index) - 1;
      if (at >= 0 && (best === undefined || list[at] > best)) best = list[at];
    }
    return best;
  }

  /** Whether a step after `index`, that has `index` before it on the forward flow, holds the same document as `item`. */
  neededAfter(item: ChainItem, index: number, earlierThan: (step: number) => (other: number) => boolean): boolean {
    if (this.perStep.length <= EXACT_ANALYSIS_LIMIT) return this.exactStepsWith(item).some((step) => step > index && earlierThan(step)(index));
    // Every earlier step counts as earlier: the last step of either list is after `index`, or none is.
    return this.listsOf(item).some((list) => list[list.length - 1] > index);
  }
}

/**
 * Which Outputs and Kelengkapan of a small procedure are the same document, every pair compared once:
 * the producers are asked about each Kelengkapan and the consumers about each Output, the same pairs
 * (sameDocument is symmetric), which compared from both ends cost twice.
 */
export class DocumentMatches {
  /** Per Output, the steps whose Kelengkapan name the same document; per Kelengkapan, the steps whose Output do. */
  readonly inputStepsOf = new Map<ChainItem, number[]>();
  readonly outputStepsOf = new Map<ChainItem, number[]>();

  constructor(outputs: readonly ChainItem[][], inputs: readonly ChainItem[][]) {
    if (outputs.length > EXACT_ANALYSIS_LIMIT) return;
    for (const items of inputs) for (const item of items) this.outputStepsOf.set(item, []);
    // Both loops in step order: each list grows in ascending steps.
    for (let out = 0; out < outputs.length; out++) {
      for (const output of outputs[out]) {
        const ofOutput: number[] = [];
        this.inputStepsOf.set(output, ofOutput);
        for (let step = 0; step < inputs.length; step++) {
          for (const input of inputs[step]) {
            if (!sameDocument(output, input)) continue;
            if (ofOutput[ofOutput.length - 1] !== step) ofOutput.push(step);
            const ofInput = this.outputStepsOf.get(input)!;
            if (ofInput[ofInput.length - 1] !== out) ofInput.push(out);
          }
        }
      }
    }
  }
}

/** The position of the first value >= `value` in an ascending list (its length when there is none). */
function firstAtOrAfter(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

const coreSignature = (item: ChainItem) => `${item.draft ? 'draft:' : ''}${[...item.core].sort().join(' ')}`;
function push(map: Map<string, number[]>, key: string, step: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [step]);
  else if (list[list.length - 1] !== step) list.push(step);
}
