import type { Rule } from '../rule.js';
import { checkChef } from './invalid-value/chef.js';
import { checkPuppet } from './invalid-value/puppet.js';

/**
 * A literal the target refuses or misreads: a value of the wrong type, a restart policy or log
 * driver outside the accepted list, a size the cookbook reads as bytes, a pair of settings the
 * cookbook's or module's validation rejects. Chef stops with ValidationFailed, Puppet fails to
 * compile, or the container silently gets something else. Values computed at run time are
 * never checked.
 */
export const rule: Rule = {
  id: 'invalid-value',
  severity: 'error',
  description: 'a literal value the docker cookbook or puppetlabs-docker refuses or misreads',
  tags: ['correctness'],
  anchors: ['hadolint DL3011'],
  check(file, report) {
    for (const resource of file.resources) {
      if (resource.dialect === 'chef') checkChef(resource, report);
      else checkPuppet(resource, report);
    }
  },
};
