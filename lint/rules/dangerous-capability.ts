import type { Rule } from '../rule.js';
import { effectiveContainers, reportFact } from './support.js';

/** Capabilities that give a container a way out, or power over the host, and why. */
const DANGEROUS: Record<string, string> = {
  ALL: 'every capability, as good as privileged',
  SYS_ADMIN: 'mount, namespaces and much of the kernel',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_PTRACE: 'tracing and reading other processes',
  SYS_BOOT: 'rebooting the host',
  SYS_TIME: "setting the host's clock",
  DAC_READ_SEARCH: 'reading any file of a mounted file system by handle',
  NET_ADMIN: "reconfiguring the host's or the container's network and firewall",
  BPF: 'loading eBPF programs into the kernel',
  PERFMON: 'kernel performance monitoring',
  MAC_ADMIN: 'changing the mandatory access control policy',
  MAC_OVERRIDE: 'bypassing mandatory access control',
  LINUX_IMMUTABLE: 'changing immutable and append-only file flags',
  SYSLOG: 'reading and clearing the kernel log',
};

/** `cap_add` (Chef) or `--cap-add` (Puppet's `extra_parameters`), with or without `CAP_`. */
export const rule: Rule = {
  id: 'dangerous-capability',
  severity: 'warning',
  description: 'a container adds a Linux capability that gives it power over the host',
  tags: ['security'],
  anchors: [
    'Trivy KSV005',
    'Trivy KSV003',
    'KICS container_capabilities_unrestricted',
    'compose-lint CL-0006',
  ],
  securitySeverity: 7.5,
  check(file, report) {
    for (const [resource, facts] of effectiveContainers(file)) {
      for (const fact of facts.capAdd) {
        if (!fact.known) continue;
        const capability = fact.value.trim().toUpperCase().replace(/^CAP_/, '');
        const grants = DANGEROUS[capability];
        if (!grants) continue;
        reportFact(
          report,
          resource,
          fact,
          `container adds capability ${capability}: ${grants}`,
          capability,
        );
      }
    }
  },
};
