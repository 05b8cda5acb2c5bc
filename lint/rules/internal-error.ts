import type { SyntaxProblem } from '../../parsers/types.js';
import type { Rule } from '../rule.js';

/** The Puppet parser reports its own defects as problems starting with these words. */
const INTERNAL = /^internal error\b/;

export function isInternalProblem(problem: SyntaxProblem): boolean {
  return INTERNAL.test(problem.message);
}

/**
 * A defect in berth, not in the file: a parser or a rule failed on this input. The run goes on
 * with the other rules and files, and `berth lint` exits with 2 because it could not check
 * everything. The engine reports failing rules under this id too.
 */
export const rule: Rule = {
  id: 'internal-error',
  severity: 'error',
  description: 'berth failed on this file; please report it with the file',
  tags: ['correctness'],
  anchors: [],
  check(file, report) {
    for (const problem of file.parse.problems) {
      if (isInternalProblem(problem)) {
        report({
          span: problem.span,
          message: problem.message,
          attribute: 'parser',
          value: problem.message,
        });
      }
    }
  },
};
