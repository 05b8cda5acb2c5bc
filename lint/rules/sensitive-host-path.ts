import type { Rule } from '../rule.js';
import { ENGINE_SOCKETS } from './docker-socket-mount.js';
import { effectiveContainers, normalisePath, reportFact } from './support.js';

/** Host directories whose whole tree is sensitive when mounted as such. */
const SENSITIVE_DIRECTORIES = new Set([
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var',
  '/var/lib',
  '/var/run',
]);

/** Trees where any path below is sensitive too: kernel interfaces, root's home, engine state. */
const SENSITIVE_TREES = ['/proc/', '/sys/', '/boot/', '/root/', '/var/lib/docker/', '/etc/docker/'];

/** Single files that hold credentials. */
const SENSITIVE_FILES = new Set(['/etc/shadow', '/etc/gshadow', '/etc/sudoers']);

export function isSensitiveHostPath(path: string): boolean {
  if (SENSITIVE_DIRECTORIES.has(path) || SENSITIVE_FILES.has(path)) return true;
  return SENSITIVE_TREES.some((tree) => path.startsWith(tree) || `${path}/` === tree);
}

/**
 * A bind mount of a system directory of the host. Subdirectories of `/etc`, `/usr` or `/dev`
 * (`/etc/localtime`, `/etc/nginx`, `/dev/log`) are left alone: mounting one file or service
 * directory is common and narrow. Engine sockets are `docker-socket-mount`'s.
 */
export const rule: Rule = {
  id: 'sensitive-host-path',
  severity: 'warning',
  description: "a container mounts a sensitive directory of the host's file system",
  tags: ['security'],
  anchors: [
    'kube-linter sensitive-host-mounts',
    'kube-linter writable-host-mount',
    'KICS volume_has_sensitive_host_directory',
    'compose-lint CL-0013',
    'compose-lint CL-0025',
  ],
  securitySeverity: 7.0,
  check(file, report) {
    for (const [resource, facts] of effectiveContainers(file)) {
      for (const fact of facts.mounts) {
        if (!fact.known || fact.value.type !== 'bind' || !fact.value.source) continue;
        const source = normalisePath(fact.value.source);
        if (ENGINE_SOCKETS.has(source) || !isSensitiveHostPath(source)) continue;
        const access = fact.value.readOnly ? 'read-only' : 'read-write';
        const message = `container mounts the host's ${source} (${access})`;
        reportFact(report, resource, fact, message, source);
      }
    }
  },
};
