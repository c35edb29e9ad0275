/**
 * A rule's options checked against the JSON Schema in its metadata, by a small structural check (no
 * schema compiler at run time: rule schemas use only object properties, primitive types, enums and lists).
 */
import type { Rule } from '../rules/rule.js';

export function validateRuleOptions(rule: Rule, options: Record<string, unknown>): string | undefined {
  const schema = rule.meta.optionsSchema;
  if (!schema) {
    const keys = Object.keys(options).filter((k) => !(k in (rule.meta.defaultOptions ?? {})));
    return keys.length ? `this rule takes no options (found: ${keys.join(', ')})` : undefined;
  }
  return checkAgainst(schema, options);
}

/** A small structural check: object with known properties of the declared primitive/array types. */
function checkAgainst(schema: Record<string, unknown>, value: Record<string, unknown>): string | undefined {
  const properties = (schema.properties ?? {}) as Record<string, { type?: string; items?: { type?: string }; enum?: unknown[] }>;
  for (const [key, v] of Object.entries(value)) {
    const property = properties[key];
    if (!property) return `unknown option '${key}' (known: ${Object.keys(properties).join(', ')})`;
    if (property.enum && !property.enum.includes(v)) return `'${key}' must be one of ${property.enum.join(', ')}`;
    if (property.type === 'array') {
      if (!Array.isArray(v)) return `'${key}' must be a list`;
      if (property.items?.type && v.some((item) => typeof item !== property.items!.type)) return `'${key}' must be a list of ${property.items.type}s`;
      const allowed = (property.items as { enum?: unknown[] } | undefined)?.enum;
      const wrong = allowed ? v.find((item) => !allowed.includes(item)) : undefined;
      if (wrong !== undefined) return `'${key}' has an unknown value '${String(wrong)}' (known: ${allowed!.join(', ')})`;
    } else if (property.type && typeof v !== property.type) return `'${key}' must be a ${property.type}`;
  }
  return undefined;
}
