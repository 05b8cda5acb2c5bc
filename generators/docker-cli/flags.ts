import type { Container, Healthcheck, Mount, PortMapping } from '../../model/types.js';
import { shellJoin, shellQuote } from '../quote/shell.js';
import { formatDuration, formatPortRange, formatSize } from '../units.js';

/**
 * A piece of a `docker run` line: either plain words, each shell-quoted, or a word that ends
 * in a shell variable reference (a secret the caller provides through its environment).
 */
export type Word = string | { literal: string; variable: string };

/** The environment variable a secret is read from when the lines are run by hand. */
export function secretVariable(secret: string): string {
  return secret.toUpperCase();
}

export function renderWord(word: Word): string {
  if (typeof word === 'string') return shellQuote(word);
  return `${shellQuote(word.literal)}"$${word.variable}"`;
}

function portFlag(port: PortMapping): string {
  const host = port.hostIp ? (port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp) : '';
  const published = port.published ? formatPortRange(port.published) : '';
  const prefix = host ? `${host}:${published}:` : published ? `${published}:` : '';
  const protocol = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  return `${prefix}${formatPortRange(port.target)}${protocol}`;
}

function mountFlag(mount: Mount): string {
  if (mount.type === 'anonymous') return mount.target;
  return `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
}

function healthFlags(check: Healthcheck): Word[][] {
  if (check.disabled) return [['--no-healthcheck']];
  const flags: Word[][] = [];
  // `--health-cmd` always runs through a shell; an exec-form test keeps its exact argv by
  // being shell-quoted word by word.
  if (check.test) {
    const command = check.test.kind === 'shell' ? check.test.command : shellJoin(check.test.argv);
    flags.push(['--health-cmd', command]);
  }
  if (check.intervalMs !== undefined)
    flags.push([`--health-interval=${formatDuration(check.intervalMs)}`]);
  if (check.timeoutMs !== undefined)
    flags.push([`--health-timeout=${formatDuration(check.timeoutMs)}`]);
  if (check.retries !== undefined) flags.push([`--health-retries=${check.retries}`]);
  if (check.startPeriodMs !== undefined) {
    flags.push([`--health-start-period=${formatDuration(check.startPeriodMs)}`]);
  }
  return flags;
}

const repeat = (flag: string, values: readonly string[]): Word[][] => values.map((v) => [flag, v]);

/** The flag groups of `docker run` for one container, in a fixed order. */
export function runFlags(container: Container): Word[][] {
  const c = container;
  const flags: Word[][] = [['-d'], ['--name', c.name]];
  const add = (condition: unknown, ...group: Word[]) => {
    if (condition !== undefined && condition !== false) flags.push(group);
  };

  if (c.restart) {
    const retries = c.restart.maxRetries === undefined ? '' : `:${c.restart.maxRetries}`;
    flags.push([`--restart=${c.restart.policy}${retries}`]);
  }
  add(c.entrypoint, '--entrypoint', c.entrypoint?.[0] ?? '');
  add(c.user, '--user', c.user ?? '');
  add(c.workingDir, '--workdir', c.workingDir ?? '');
  add(c.hostname, '--hostname', c.hostname ?? '');
  add(c.domainname, '--domainname', c.domainname ?? '');
  flags.push(...c.ports.map((p) => ['-p', portFlag(p)]));
  flags.push(...c.expose.map((e) => ['--expose', `${formatPortRange(e.port)}/${e.protocol}`]));
  flags.push(...c.environment.map(envFlag));
  flags.push(...repeat('--env-file', c.envFiles));
  flags.push(...c.mounts.map((m) => ['-v', mountFlag(m)]));
  flags.push(...c.tmpfs.map((t) => ['--tmpfs', t.options ? `${t.target}:${t.options}` : t.target]));
  flags.push(...c.labels.map((l) => ['--label', `${l.name}=${l.value}`]));
  flags.push(...networkFlags(c));
  flags.push(...repeat('--dns', c.dns), ...repeat('--dns-search', c.dnsSearch));
  flags.push(...c.extraHosts.map((h) => ['--add-host', `${h.host}:${h.ip}`]));
  flags.push(...repeat('--cap-add', c.capAdd), ...repeat('--cap-drop', c.capDrop));
  add(c.privileged, '--privileged');
  add(c.readOnly, '--read-only');
  flags.push(...repeat('--security-opt', c.securityOpt));
  flags.push(...c.devices.map((d) => ['--device', `${d.host}:${d.container}:${d.permissions}`]));
  add(c.pid, `--pid=${c.pid}`);
  add(c.ipc, `--ipc=${c.ipc}`);
  add(c.usernsMode, `--userns=${c.usernsMode}`);
  flags.push(...resourceFlags(c));
  if (c.logging) {
    flags.push([`--log-driver=${c.logging.driver}`]);
    flags.push(...c.logging.options.map((o) => ['--log-opt', `${o.name}=${o.value}`]));
  }
  add(c.stopSignal, `--stop-signal=${c.stopSignal}`);
  add(c.stopGracePeriodMs, `--stop-timeout=${Math.ceil((c.stopGracePeriodMs ?? 0) / 1000)}`);
  flags.push(...c.ulimits.map((u) => ['--ulimit', `${u.name}=${u.soft}:${u.hard}`]));
  flags.push(...c.sysctls.map((s) => ['--sysctl', `${s.name}=${s.value}`]));
  add(c.init, '--init');
  add(c.tty, '-t');
  add(c.stdinOpen, '-i');
  if (c.healthcheck) flags.push(...healthFlags(c.healthcheck));
  return flags;
}

function envFlag(variable: Container['environment'][number]): Word[] {
  if (typeof variable.value === 'string') return ['-e', `${variable.name}=${variable.value}`];
  return ['-e', { literal: `${variable.name}=`, variable: secretVariable(variable.value.secret) }];
}

function networkFlags(c: Container): Word[][] {
  if (c.networkMode) return [[`--network=${c.networkMode}`]];
  const first = c.networks[0];
  if (!first) return [];
  const flags: Word[][] = [['--network', first.name]];
  flags.push(...repeat('--network-alias', first.aliases));
  if (first.ipv4Address) flags.push(['--ip', first.ipv4Address]);
  if (first.ipv6Address) flags.push(['--ip6', first.ipv6Address]);
  return flags;
}

function resourceFlags(c: Container): Word[][] {
  const flags: Word[][] = [];
  if (c.memoryBytes !== undefined) flags.push([`--memory=${formatSize(c.memoryBytes)}`]);
  if (c.memorySwapBytes !== undefined) {
    flags.push([
      `--memory-swap=${c.memorySwapBytes === -1 ? '-1' : formatSize(c.memorySwapBytes)}`,
    ]);
  }
  if (c.memoryReservationBytes !== undefined) {
    flags.push([`--memory-reservation=${formatSize(c.memoryReservationBytes)}`]);
  }
  if (c.shmSizeBytes !== undefined) flags.push([`--shm-size=${formatSize(c.shmSizeBytes)}`]);
  if (c.cpus !== undefined) flags.push([`--cpus=${c.cpus}`]);
  if (c.cpuShares !== undefined) flags.push([`--cpu-shares=${c.cpuShares}`]);
  if (c.cpuset !== undefined) flags.push([`--cpuset-cpus=${c.cpuset}`]);
  if (c.pidsLimit !== undefined) flags.push([`--pids-limit=${c.pidsLimit}`]);
  return flags;
}

/** The image and the command words after it; an entrypoint's extra words lead the command. */
export function runTail(container: Container, image: string): Word[] {
  const entrypointArgs = container.entrypoint?.slice(1) ?? [];
  return [image, ...entrypointArgs, ...(container.command ?? [])];
}
