import type { Rule } from '../rule.js';
import { isInternalProblem } from './internal-error.js';

/**
 * The file could not be read as Ruby, Puppet or YAML. Resources in the parts that could be
 * read are still checked; a resource inside the damaged part may be missed.
 */
export const rule: Rule = {
  id: 'syntax-error',
  severity: 'error',
  description: 'the file is not valid Ruby, Puppet or YAML',
  tags: ['syntax', 'correctness'],
  anchors: [],
  check(file, report) {
    for (const problem of file.parse.problems) {
      if (isInternalProblem(problem)) continue;
      // The source line identifies the error across runs; its number would not.
      const value = lineAt(file.text, problem.span.start.offset);
      report({ span: problem.span, message: problem.message, attribute: 'line', value });
    }
  },
};

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end).trim();
}
