/** Descriptions of every finding id a report can carry: the rules plus the pipeline's own findings. */
import type { Localized, Severity } from '../diagnostics/diagnostic.js';
import { BUILTIN_FINDINGS } from '../rules/builtin-findings.js';
import type { Rule } from '../rules/rule.js';

export interface CatalogueEntry {
  id: string;
  description: Localized;
  rationale: Localized;
  defaultSeverity: Severity;
}

const BUILTIN: CatalogueEntry[] = BUILTIN_FINDINGS.map((f) => ({ ...f, rationale: f.description }));

export function catalogue(rules: Rule[]): CatalogueEntry[] {
  return [
    ...rules.map((r) => ({ id: r.meta.id, description: r.meta.description, rationale: r.meta.rationale, defaultSeverity: r.meta.defaultSeverity })),
    ...BUILTIN,
  ];
}
