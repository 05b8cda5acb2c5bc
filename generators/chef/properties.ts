import type { Container, Healthcheck, Mount } from '../../model/types.js';
import type { RubyValue } from '../quote/ruby.js';
import type { Notes } from './notes.js';
import { portProperties, type Property } from './ports.js';

/** The log drivers docker_container accepts (`equal_to` in partial/_logging.rb). */
export const cookbookLogDrivers = [
  'json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'etwlogs',
  'gcplogs', 'logentries', 'loki-docker', 'none', 'local',
]; // prettier-ignore

type Mapper = (container: Container, notes: Notes) => Property[];

/** Shared by every mapper that has nothing to say, so that saying nothing allocates nothing. */
const none: Property[] = [];

/** The property when the value is there (and, for a list, not empty). */
const given = (name: string, value: RubyValue | undefined): Property[] =>
  value === undefined || value === false || (Array.isArray(value) && value.length === 0)
    ? none
    : [{ name, value }];

/** The property, computed only when the condition holds. */
const when = (condition: unknown, name: string, value: () => RubyValue): Property[] =>
  condition ? [{ name, value: value() }] : none;

function pairs(entries: { name: string; value: string }[]): Record<string, string> {
  const hash: Record<string, string> = {};
  for (const entry of entries) hash[entry.name] = entry.value;
  return hash;
}

const path = (container: Container, field: string) => container.path.concat(field);

function mountString(mount: Mount): string {
  if (mount.type === 'anonymous') return mount.target;
  return `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
}

const volumes: Mapper = (container) =>
  when(container.mounts.length, 'volumes', () => container.mounts.map(mountString));

const tmpfs: Mapper = (container) =>
  when(container.tmpfs.length, 'tmpfs', () =>
    pairs(container.tmpfs.map((mount) => ({ name: mount.target, value: mount.options ?? '' }))),
  );

const restart: Mapper = ({ restart }) => [
  ...when(restart, 'restart_policy', () => restart!.policy),
  ...when(
    restart?.maxRetries !== undefined,
    'restart_maximum_retry_count',
    () => restart!.maxRetries!,
  ),
];

/**
 * Docker's API takes durations in nanoseconds; a zero means "inherit" and is left out. Up to
 * 2^53 ns (104 days) a number holds them exactly; beyond, a bigint does.
 */
const nanoseconds = (ms: number) => {
  const ns = ms * 1_000_000;
  return Number.isSafeInteger(ns) ? ns : BigInt(ms) * 1_000_000n;
};

function healthValue(check: Healthcheck): Record<string, RubyValue> {
  if (check.disabled) return { Test: ['NONE'] };
  const value: Record<string, RubyValue> = {};
  const test = check.test;
  if (test) value.Test = test.kind === 'exec' ? ['CMD', ...test.argv] : ['CMD-SHELL', test.command];
  if (check.intervalMs) value.Interval = nanoseconds(check.intervalMs);
  if (check.timeoutMs) value.Timeout = nanoseconds(check.timeoutMs);
  if (check.retries) value.Retries = check.retries;
  if (check.startPeriodMs) value.StartPeriod = nanoseconds(check.startPeriodMs);
  return value;
}

const healthCheck: Mapper = (container, notes) => {
  const check = container.healthcheck;
  if (!check) return none;
  if (!check.disabled && !check.test) {
    notes.approximate(
      check.path,
      "without a test Docker fills in the image's own, which the cookbook reads as a change, " +
        'so the container is redeployed on every Chef run when the image has a healthcheck',
      'write the test as well',
    );
  }
  return [{ name: 'health_check', value: healthValue(check) }];
};

const logging: Mapper = (container, notes) => {
  const log = container.logging;
  if (!log) return none;
  if (!cookbookLogDrivers.includes(log.driver)) {
    notes.unsupported(
      [...log.path, 'driver'],
      `docker_container accepts only the log drivers ${cookbookLogDrivers.join(', ')}; ` +
        "the container logs with the daemon's default driver",
      'make the driver the daemon default (daemon.json log-driver) and remove `logging`',
    );
    return none;
  }
  return [
    { name: 'log_driver', value: log.driver },
    ...when(log.options.length, 'log_opts', () => pairs(log.options)),
  ];
};

const networkMode: Mapper = (container, notes) => {
  const [first] = container.networks;
  if (!first) return when(container.networkMode, 'network_mode', () => container.networkMode!);
  if (first.aliases.length > 0) {
    notes.approximate(
      [...first.path, 'aliases'],
      'the cookbook never reads aliases back from the running container, so it sees a change ' +
        'and redeploys the container on every Chef run',
      'address the container by its name instead, or accept the restarts',
    );
  }
  if (first.ipv6Address) {
    notes.unsupported(
      [...first.path, 'ipv6_address'],
      'docker_container has no IPv6 address property; Docker assigns one',
      'make this network the second one in the list, where docker_network sets ip6',
    );
  }
  return [
    { name: 'network_mode', value: first.name },
    ...when(first.aliases.length, 'network_aliases', () => first.aliases),
    ...when(first.ipv4Address, 'ip_address', () => first.ipv4Address!),
  ];
};

const cpus: Mapper = (container, notes) => {
  const value = container.cpus;
  if (value !== undefined && !Number.isInteger(value)) {
    notes.approximate(
      path(container, 'cpus'),
      `the cookbook reads ${value} CPUs back rounded down, sees a change and redeploys the ` +
        'container on every Chef run',
      'use a whole number of CPUs, or cpu_shares or cpuset to share them',
    );
  }
  return when(value !== undefined, 'cpus', () => value!);
};

const killAfter: Mapper = (container, notes) => {
  const ms = container.stopGracePeriodMs;
  if (ms === undefined) return none;
  const seconds = Math.ceil(ms / 1000);
  notes.approximate(
    path(container, 'stop_grace_period'),
    'kill_after applies when Chef stops or redeploys the container; `docker stop`, a daemon ' +
      "restart and a host shutdown use Docker's 10 s" +
      (seconds * 1000 === ms ? '' : `, and it counts whole seconds (${seconds})`),
    'give the image a shorter shutdown, or stop the container through Chef',
  );
  return [{ name: 'kill_after', value: seconds }];
};

const unsupportedField =
  (field: 'pidsLimit' | 'stopSignal', yaml: string, consequence: string, hint: string): Mapper =>
  (container, notes) => {
    if (container[field] !== undefined) notes.unsupported(path(container, yaml), consequence, hint);
    return none;
  };

const envFile: Mapper = (container, notes) => {
  if (container.envFiles.length === 0) return none;
  notes.approximate(
    path(container, 'env_file'),
    'the cookbook passes every line of the file on, comments and blank lines included, and ' +
      'never notices that the file changed, so the container keeps its old environment',
    'move the values into `environment` (secrets into `secrets`)',
  );
  return [{ name: 'env_file', value: container.envFiles }];
};

const dockerOomScore: Property[] = [{ name: 'oom_score_adj', value: 0 }];

/** Every mapper, in the order the properties appear in the recipe. */
const mappers: Mapper[] = [
  (c) => given('command', c.command),
  (c) => given('entrypoint', c.entrypoint),
  envFile,
  (c) => given('working_dir', c.workingDir),
  (c) => given('user', c.user),
  (c) => given('hostname', c.hostname),
  (c) => given('domain_name', c.domainname),
  (c) => portProperties(c),
  volumes,
  tmpfs,
  networkMode,
  (c) => given('dns', c.dns),
  (c) => given('dns_search', c.dnsSearch),
  (c) =>
    when(c.extraHosts.length, 'extra_hosts', () => c.extraHosts.map((h) => `${h.host}:${h.ip}`)),
  restart,
  healthCheck,
  (c) => when(c.labels.length, 'labels', () => pairs(c.labels)),
  logging,
  (c) => given('cap_add', c.capAdd),
  (c) => given('cap_drop', c.capDrop),
  (c) => given('privileged', c.privileged),
  (c) => given('ro_rootfs', c.readOnly),
  (c) => given('security_opt', c.securityOpt),
  (c) =>
    when(c.devices.length, 'devices', () =>
      c.devices.map((d) => ({
        PathOnHost: d.host,
        PathInContainer: d.container,
        CgroupPermissions: d.permissions,
      })),
    ),
  (c) => given('pid_mode', c.pid),
  (c) => given('ipc_mode', c.ipc),
  (c) => given('userns_mode', c.usernsMode),
  (c) => given('memory', c.memoryBytes),
  (c) => given('memory_swap', c.memorySwapBytes),
  (c) => given('memory_reservation', c.memoryReservationBytes),
  (c) => given('shm_size', c.shmSizeBytes),
  cpus,
  (c) => given('cpu_shares', c.cpuShares),
  (c) => given('cpuset_cpus', c.cpuset),
  unsupportedField(
    'pidsLimit',
    'pids_limit',
    'docker_container has no PID limit property; the container runs without one',
    'remove pids_limit, or enforce the limit outside Chef',
  ),
  (c) =>
    when(c.ulimits.length, 'ulimits', () => c.ulimits.map((u) => `${u.name}=${u.soft}:${u.hard}`)),
  (c) => when(c.sysctls.length, 'sysctls', () => pairs(c.sysctls)),
  (c) => (c.init === undefined ? none : [{ name: 'init', value: c.init }]),
  (c) => given('tty', c.tty),
  (c) => given('open_stdin', c.stdinOpen),
  unsupportedField(
    'stopSignal',
    'stop_signal',
    "docker_container has no stop signal property; the container stops with the image's " +
      'STOPSIGNAL (SIGTERM unless the image says otherwise)',
    'set STOPSIGNAL in the image',
  ),
  killAfter,
  // The cookbook's default is -500, which makes the container one of the last processes the
  // kernel kills when memory runs out; Docker's is 0. berth keeps Docker's meaning.
  () => dockerOomScore,
];

/** The docker_container properties berth derives from the model, before `x-chef`. */
export function containerProperties(container: Container, notes: Notes): Property[] {
  const properties: Property[] = [];
  // A plain loop: flatMap over forty mappers is the slowest part of a 10,000-container render.
  for (const mapper of mappers) {
    for (const property of mapper(container, notes)) properties.push(property);
  }
  return properties;
}
