/** Every rule soplint knows, in the order `soplint rules` lists them. Add a rule here and in docs/rules/. */
import type { Rule } from './rule.js';
import { duplicateActor } from './actor/duplicate.js';
import { missingActor } from './actor/missing.js';
import { undeclaredActor } from './actor/undeclared.js';
import { unusedActor } from './actor/unused.js';
import { unknownActor } from './actor/unknown.js';
import { unproducedInput } from './chain/unproduced-input.js';
import { unusedOutput } from './chain/unused-output.js';
import { copiedContent } from './corpus/copied-content.js';
import { duplicateNumber } from './corpus/duplicate-number.js';
import { duplicateTitle } from './corpus/duplicate-title.js';
import { oneWayKeterkaitan } from './corpus/one-way-keterkaitan.js';
import { unitCode } from './corpus/unit-code.js';
import { deadEnd } from './flow/dead-end.js';
import { handover } from './flow/handover.js';
import { decisionExits } from './flow/decision-exits.js';
import { implicitDecision } from './flow/implicit-decision.js';
import { loopWithoutDecision } from './flow/loop-without-decision.js';
import { noSteps } from './flow/no-steps.js';
import { nextTarget } from './flow/next-target.js';
import { unknownTarget } from './flow/unknown-target.js';
import { textMismatch } from './flow/text-mismatch.js';
import { terminators } from './flow/terminators.js';
import { unreachable } from './flow/unreachable.js';
import { dateRule } from './identity/date.js';
import { requiredField } from './identity/required-field.js';
import { lostField } from './lost/field.js';
import { logoRule } from './identity/logo.js';
import { lostIdentity } from './lost/identity.js';
import { lostProcedure } from './lost/procedure.js';
import { lostSteps } from './lost/steps.js';
import { missingField } from './mutu-baku/missing-field.js';
import { waktuFormat } from './mutu-baku/waktu-format.js';
import { numberingDuplicate } from './step/numbering-duplicate.js';
import { numberingGap } from './step/numbering-gap.js';
import { numberingOrder } from './step/numbering-order.js';
import { unnumbered } from './step/unnumbered.js';
import { missingKeterkaitan } from './xref/missing-keterkaitan.js';
import { nameMismatch } from './xref/name-mismatch.js';
import { unresolved } from './xref/unresolved.js';
import { unusedKeterkaitan } from './xref/unused-keterkaitan.js';
import { vague } from './xref/vague.js';
import { notInBook } from './xref/not-in-book.js';

export const ALL_RULES: Rule[] = [
  requiredField,
  logoRule,
  dateRule,
  undeclaredActor,
  unusedActor,
  duplicateActor,
  missingActor,
  unknownActor,
  numberingGap,
  numberingDuplicate,
  numberingOrder,
  unnumbered,
  missingField,
  waktuFormat,
  noSteps,
  terminators,
  decisionExits,
  nextTarget,
  unknownTarget,
  unreachable,
  deadEnd,
  loopWithoutDecision,
  implicitDecision,
  handover,
  textMismatch,
  unresolved,
  notInBook,
  vague,
  nameMismatch,
  missingKeterkaitan,
  unusedKeterkaitan,
  unproducedInput,
  unusedOutput,
  duplicateNumber,
  unitCode,
  duplicateTitle,
  oneWayKeterkaitan,
  copiedContent,
  lostField,
  lostIdentity,
  lostProcedure,
  lostSteps,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
