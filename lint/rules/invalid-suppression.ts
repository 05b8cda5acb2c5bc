import type { Rule } from '../rule.js';

/**
 * A suppression comment that suppresses nothing: no reason, an unknown rule id, no rule at
 * all, an end without a start, or a block never closed (which still runs to the end of the
 * file). The engine reads the comments before the rules run; findings of this rule cannot be
 * suppressed themselves.
 */
export const rule: Rule = {
  id: 'invalid-suppression',
  severity: 'warning',
  description: 'a suppression comment has no reason, names no known rule, or is unbalanced',
  tags: ['suppression'],
  anchors: [],
  check(file, report) {
    for (const problem of file.suppressionProblems) report(problem);
  },
};
