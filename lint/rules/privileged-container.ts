import type { Rule } from '../rule.js';
import { effectiveContainers, reportFact } from './support.js';

/**
 * `privileged` (Chef and Puppet) or `--privileged` in Puppet's `extra_parameters`: the
 * container gets every capability, every host device and no seccomp or AppArmor profile.
 */
export const rule: Rule = {
  id: 'privileged-container',
  severity: 'error',
  description: 'a container runs privileged, with root access to the host',
  tags: ['security'],
  anchors: [
    'kube-linter privileged-container',
    'Trivy KSV017',
    'KICS ae5b6871',
    'compose-lint CL-0002',
  ],
  securitySeverity: 9.0,
  check(file, report) {
    for (const [resource, facts] of effectiveContainers(file)) {
      for (const fact of facts.privileged) {
        if (fact.known && fact.value) {
          reportFact(
            report,
            resource,
            fact,
            'container runs privileged, with root access to the host',
            'true',
          );
        }
      }
    }
  },
};
