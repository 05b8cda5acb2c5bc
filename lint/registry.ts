import type { Rule } from './rule.js';
import * as all from './rules/index.js';

/**
 * The registered rules, by id. Ids are lowercase words joined by hyphens, which sort by code
 * unit as by `localeCompare`; code units need no collator, whose loading alone takes longer
 * than linting a hundred manifests.
 */
export const rules: readonly Rule[] = Object.values(all).sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
