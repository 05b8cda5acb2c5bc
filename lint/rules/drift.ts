import type { Rule } from '../rule.js';

/**
 * A recipe, manifest or Hiera file that berth generated (it carries berth's header) and that
 * no longer matches what its berth file generates: a hand edit, or a berth.yaml changed
 * without `berth generate`. The comparison is in `lint/drift/`: resource by resource and
 * attribute by attribute, then line by line outside resources.
 */
export const rule: Rule = {
  id: 'drift',
  severity: 'error',
  description: 'a generated recipe or manifest no longer matches berth.yaml',
  tags: ['correctness'],
  anchors: [],
  check(file, report) {
    if (file.drift) file.drift.context.check(file, file.drift.reparse, report);
  },
};
