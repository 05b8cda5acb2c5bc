import { expect, it } from 'vitest';

import { lintFiles, type LintOptions } from '../../lint/index.js';
import type { Finding } from '../../lint/types.js';

export type Dialect = 'chef' | 'puppet' | 'hiera';

/** Where each dialect's snippet is linted from: its file name decides how it is read. */
const FILE_NAMES: Record<Dialect, string> = {
  chef: 'recipes/default.rb',
  puppet: 'manifests/init.pp',
  hiera: 'data/common.yaml',
};

export interface RuleCase {
  /** What the case shows; the test's name. */
  name: string;
  dialect: Dialect;
  code: string;
  /** `[line, column]` of each finding of the rule, in order; empty for a miss. */
  hits: [number, number][];
  /** A fragment each finding's message must contain, when given. */
  message?: string;
}

/** The rule's open (unsuppressed) findings for one snippet, with only that rule on. */
export async function findingsOf(
  ruleId: string,
  dialect: Dialect,
  code: string,
  options: LintOptions = {},
): Promise<Finding[]> {
  const result = await lintFiles([{ path: FILE_NAMES[dialect], text: code }], {
    ...options,
    config: false,
    only: [ruleId],
  });
  return result.findings.filter((finding) => finding.ruleId === ruleId && !finding.suppression);
}

/** One test per case: the rule's findings are exactly at the expected lines and columns. */
export function ruleTable(ruleId: string, cases: RuleCase[]): void {
  it.each(cases.map((c) => [`${c.dialect}: ${c.name}`, c] as const))('%s', async (_, c) => {
    const findings = await findingsOf(ruleId, c.dialect, c.code);
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual(c.hits);
    if (c.message) for (const finding of findings) expect(finding.message).toContain(c.message);
  });
}

/**
 * The reliability rules that fire on almost every container, turned off for tests about
 * something else (suppression, configuration, formats).
 */
export const QUIET: Record<string, 'off'> = {
  'no-healthcheck': 'off',
  'no-memory-limit': 'off',
  'no-restart-policy': 'off',
  'unpinned-image': 'off',
};
