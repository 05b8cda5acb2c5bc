import type { Rule } from './rule.js';
import * as all from './rules/index.js';

/** The registered rules, by id. */
export const rules: readonly Rule[] = Object.values(all).sort((a, b) => a.id.localeCompare(b.id));

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
