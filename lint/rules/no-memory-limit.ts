import type { ContainerFacts } from '../extract/index.js';
import type { Rule } from '../rule.js';
import { containers, declaresContainer, missingAt, reportFact, setElsewhere } from './support.js';

/**
 * A container without a memory limit can take all of the host's memory, and the kernel's
 * OOM killer then picks among every process of the host. Chef's `memory` defaults to 0
 * (none); Puppet's `memory_limit` defaults to `'0b'`, which the module passes as `-m 0b`,
 * also none. A later `-m`/`--memory` in `extra_parameters` counts.
 */
export const rule: Rule = {
  id: 'no-memory-limit',
  severity: 'warning',
  description: 'a container has no memory limit and can exhaust the host',
  tags: ['reliability'],
  anchors: [
    'kube-linter unset-memory-requirements',
    'KICS memory_not_limited',
    'compose-lint CL-0026',
  ],
  check(file, report) {
    for (const [resource, facts] of containers(file)) {
      if (!declaresContainer(resource)) continue;
      const memory = facts.memory;
      if (memory.some((fact) => !fact.known || fact.value.bytes === undefined)) continue;
      if (memory.some((fact) => fact.known && (fact.value.bytes ?? 0) > 0)) continue;
      for (const fact of memory) {
        if (!fact.known) continue;
        const message =
          `memory limit '${fact.value.raw}' means no limit: the container can ` +
          `exhaust the host`;
        reportFact(report, resource, fact, message, '0');
      }
      if (memory.length > 0 || facts.flagsUnknown) continue;
      const property = resource.dialect === 'chef' ? 'memory' : 'memory_limit';
      const limited = (set: ContainerFacts) => set.memory.length > 0;
      if (setElsewhere(file, resource, [property], limited)) continue;
      report({
        span: missingAt(resource),
        message: `container has no ${property}, so it can take all of the host's memory`,
        resource,
        attribute: property,
        value: '',
      });
    }
  },
};
