import type { ContainerFacts } from '../extract/index.js';
import type { Rule } from '../rule.js';
import {
  containers,
  declaresContainer,
  isOneShot,
  missingAt,
  reportFact,
  setElsewhere,
} from './support.js';

/**
 * A container without a healthcheck (Chef `health_check`, Puppet `health_check_cmd` or
 * `--health-cmd`), or with one turned off: Docker cannot tell a hung service from a working
 * one. Many images declare a HEALTHCHECK of their own, which this rule cannot see, so it only
 * informs.
 */
export const rule: Rule = {
  id: 'no-healthcheck',
  severity: 'info',
  description: 'a container has no healthcheck, so a hung service looks healthy',
  tags: ['reliability'],
  anchors: [
    'hadolint DL3057',
    'checkov CKV_DOCKER_2',
    'Trivy DS026',
    'KICS healthcheck_not_set',
    'kube-linter no-liveness-probe',
  ],
  check(file, report) {
    for (const [resource, facts] of containers(file)) {
      if (!declaresContainer(resource) || isOneShot(resource)) continue;
      for (const fact of facts.healthcheck) {
        if (fact.known && fact.value.disabled) {
          const message = 'container turns its healthcheck off, so a hung service looks healthy';
          reportFact(report, resource, fact, message, 'disabled');
        }
      }
      if (facts.healthcheck.length > 0 || facts.flagsUnknown) continue;
      const parameters = ['health_check', 'health_check_cmd'];
      const checked = (set: ContainerFacts) => set.healthcheck.length > 0;
      if (setElsewhere(file, resource, parameters, checked)) continue;
      const property = resource.dialect === 'chef' ? 'health_check' : 'health_check_cmd';
      report({
        span: missingAt(resource),
        message:
          `container has no ${property}; unless its image declares one, a hung ` +
          `service looks healthy`,
        resource,
        attribute: property,
        value: '',
      });
    }
  },
};
