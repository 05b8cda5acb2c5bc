import type { Rule } from '../rule.js';
import { effectiveContainers, normalisePath, reportFact } from './support.js';

/** Sockets of container engines: whoever can write to one controls the host. */
export const ENGINE_SOCKETS: ReadonlySet<string> = new Set([
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/podman/podman.sock',
]);

/** A bind mount (`volumes`, `binds`, `-v`, `--mount`) whose host side is an engine socket. */
export const rule: Rule = {
  id: 'docker-socket-mount',
  severity: 'error',
  description: "a container mounts the Docker engine's socket, which gives root on the host",
  tags: ['security'],
  anchors: ['kube-linter docker-sock', 'Trivy KSV006', 'KICS d6355c88', 'compose-lint CL-0001'],
  securitySeverity: 9.0,
  check(file, report) {
    for (const [resource, facts] of effectiveContainers(file)) {
      for (const fact of facts.mounts) {
        if (!fact.known || fact.value.type !== 'bind' || !fact.value.source) continue;
        const source = normalisePath(fact.value.source);
        if (!ENGINE_SOCKETS.has(source)) continue;
        // Read-only does not help: connecting to a socket needs no write permission on it.
        const message = `container mounts the engine socket ${source}, giving root on the host`;
        reportFact(report, resource, fact, message, source);
      }
    }
  },
};
