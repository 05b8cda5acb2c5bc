/**
 * The container fields with a plain mapping: a `docker::run` parameter where the module has
 * one, a docker flag in `extra_parameters` where it does not.
 */
import { shellJoin } from '../quote/shell.js';
import type { RunContext } from './run-context.js';
import type { RunParts } from './run-parts.js';
import { deviceSpec, dockerSize, exposeSpec, mountSpec, portSpec, ulimitSpec } from './values.js';

/**
 * The module writes `command` after the image verbatim, into a shell script (unit mode) or a
 * shell command line (restart mode), so the argv is quoted for the shell. Docker's
 * `--entrypoint` takes only the executable; its other words go in front of the command, which
 * gives the process the same argv.
 */
export function addCommand({ container }: RunContext, parts: RunParts): void {
  const { entrypoint, command } = container;
  if (entrypoint) parts.flag('entrypoint', entrypoint[0] ?? '');
  const argv =
    entrypoint && entrypoint.length > 1
      ? [...entrypoint.slice(1), ...(command ?? [])]
      : (command ?? []);
  if (argv.length > 0) parts.set('command', shellJoin(argv), command ? 'command' : 'entrypoint');
}

export function addPublishing({ container }: RunContext, parts: RunParts): void {
  if (container.ports.length > 0) parts.set('ports', container.ports.map(portSpec), 'ports');
  if (container.expose.length > 0) parts.set('expose', container.expose.map(exposeSpec), 'expose');
}

/** Named volumes berth creates must exist first; external ones are managed elsewhere. */
export function addStorage({ index, container }: RunContext, parts: RunParts): void {
  if (container.mounts.length > 0) parts.set('volumes', container.mounts.map(mountSpec), 'volumes');
  for (const mount of container.mounts) {
    if (mount.type === 'volume' && !index.externalVolumes.has(mount.source)) {
      parts.require(index.reference('Docker_volume', mount.source));
    }
  }
  for (const tmpfs of container.tmpfs) {
    parts.flag('tmpfs', tmpfs.options ? `${tmpfs.target}:${tmpfs.options}` : tmpfs.target);
  }
}

export function addEnvironmentFiles({ container }: RunContext, parts: RunParts): void {
  if (container.envFiles.length > 0) parts.set('env_file', container.envFiles, 'env_file');
  const labels = container.labels.map((label) => `${label.name}=${label.value}`);
  if (labels.length > 0) parts.set('labels', labels, 'labels');
}

export function addIdentity({ container }: RunContext, parts: RunParts): void {
  if (container.user) parts.set('username', container.user, 'user');
  if (container.hostname) parts.set('hostname', container.hostname, 'hostname');
  if (container.domainname) parts.flag('domainname', container.domainname);
  if (container.workingDir) parts.flag('workdir', container.workingDir);
}

export function addNameResolution({ container }: RunContext, parts: RunParts): void {
  const hosts = container.extraHosts.map((entry) => `${entry.host}:${entry.ip}`);
  if (hosts.length > 0) parts.set('hostentries', hosts, 'extra_hosts');
  if (container.dns.length > 0) parts.set('dns', container.dns, 'dns');
  if (container.dnsSearch.length > 0) parts.set('dns_search', container.dnsSearch, 'dns_search');
}

export function addSecurity({ container }: RunContext, parts: RunParts): void {
  if (container.privileged) parts.set('privileged', true, 'privileged');
  if (container.readOnly) parts.set('read_only', true, 'read_only');
  for (const capability of container.capAdd) parts.flag('cap-add', capability);
  for (const capability of container.capDrop) parts.flag('cap-drop', capability);
  for (const option of container.securityOpt) parts.flag('security-opt', option);
  for (const device of container.devices) parts.flag('device', deviceSpec(device));
  if (container.pid) parts.flag('pid', container.pid);
  if (container.ipc) parts.flag('ipc', container.ipc);
  if (container.usernsMode) parts.flag('userns', container.usernsMode);
}

/** `memory_limit` must match `^\d*(b|k|m|g)$`, which `dockerSize` always does. */
export function addResources({ container }: RunContext, parts: RunParts): void {
  if (container.memoryBytes !== undefined) {
    parts.set('memory_limit', dockerSize(container.memoryBytes), 'mem_limit');
  }
  const swap = container.memorySwapBytes;
  if (swap !== undefined) parts.flag('memory-swap', swap === -1 ? -1 : dockerSize(swap));
  const reservation = container.memoryReservationBytes;
  if (reservation !== undefined) parts.flag('memory-reservation', dockerSize(reservation));
  if (container.shmSizeBytes !== undefined)
    parts.flag('shm-size', dockerSize(container.shmSizeBytes));
  if (container.cpus !== undefined) parts.flag('cpus', String(container.cpus));
  if (container.cpuShares !== undefined) parts.flag('cpu-shares', container.cpuShares);
  if (container.cpuset) parts.set('cpuset', container.cpuset, 'cpuset');
  if (container.pidsLimit !== undefined) parts.flag('pids-limit', container.pidsLimit);
  for (const ulimit of container.ulimits) parts.flag('ulimit', ulimitSpec(ulimit));
  for (const sysctl of container.sysctls) parts.flag('sysctl', `${sysctl.name}=${sysctl.value}`);
}

export function addRuntime({ container }: RunContext, parts: RunParts): void {
  if (container.logging) {
    parts.flag('log-driver', container.logging.driver);
    for (const option of container.logging.options) {
      parts.flag('log-opt', `${option.name}=${option.value}`);
    }
  }
  if (container.init !== undefined) parts.flag('init', container.init ? undefined : 'false');
  if (container.tty) parts.set('tty', true, 'tty');
  if (container.stdinOpen) parts.flag('interactive');
}
