import type { ContainerFacts, Fact } from '../extract/index.js';
import type { Rule } from '../rule.js';
import { effectiveContainers, reportFact } from './support.js';

/** The namespaces a container may share with the host, and what sharing exposes. */
const NAMESPACES: [keyof ContainerFacts, string, string][] = [
  ['network', 'network', 'its ports, interfaces and loopback services'],
  ['pid', 'PID', 'every host process, to signal and to trace'],
  ['ipc', 'IPC', 'shared memory of host processes'],
  ['userns', 'user', 'root in the container being root on the host'],
  ['uts', 'UTS', 'the host name, which it may change'],
];

/**
 * `network_mode`/`net`, `pid_mode`, `ipc_mode`, `userns_mode`, `uts_mode` or their
 * `--net`/`--pid`/`--ipc`/`--userns`/`--uts` flags set to `host`.
 */
export const rule: Rule = {
  id: 'host-namespace',
  severity: 'warning',
  description: "a container shares one of the host's namespaces (network, PID, IPC, user, UTS)",
  tags: ['security'],
  anchors: [
    'kube-linter host-network',
    'kube-linter host-pid',
    'kube-linter host-ipc',
    'Trivy KSV009',
    'Trivy KSV010',
    'KICS shared_host_user_namespace',
    'compose-lint CL-0008',
    'compose-lint CL-0010',
  ],
  securitySeverity: 7.0,
  check(file, report) {
    for (const [resource, facts] of effectiveContainers(file)) {
      for (const [key, name, exposes] of NAMESPACES) {
        for (const fact of facts[key] as Fact<string>[]) {
          if (!fact.known || fact.value.trim().toLowerCase() !== 'host') continue;
          const message = `container shares the host's ${name} namespace, exposing ${exposes}`;
          reportFact(report, resource, fact, message, `${name}=host`);
        }
      }
    }
  },
};
