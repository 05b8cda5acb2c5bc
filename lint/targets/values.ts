/**
 * The values the targets accept where they check them, and what they do with the others:
 * the lists that `invalid-value` and the reliability rules compare literals with.
 */

/** docker_container `restart_policy`: the cookbook raises ValidationFailed for anything else. */
export const chefRestartPolicies: readonly string[] = [
  'no',
  'always',
  'unless-stopped',
  'on-failure',
];

/** docker_container `log_driver`: the cookbook's `equal_to` list (11.10). */
export const chefLogDrivers: readonly string[] = [
  'json-file',
  'syslog',
  'journald',
  'gelf',
  'fluentd',
  'awslogs',
  'splunk',
  'etwlogs',
  'gcplogs',
  'logentries',
  'loki-docker',
  'none',
  'local',
];

/** The docker_container actions that create the container, so its settings matter. */
export const chefCreatingActions: readonly string[] = [
  'run',
  'create',
  'run_if_missing',
  'redeploy',
];

/**
 * Properties the cookbook declares with a fixed list of values, which Chef enforces with
 * ValidationFailed, by resource type. docker_container's restart_policy and log_driver have
 * rules of their own.
 */
type Choices = Readonly<Record<string, readonly string[]>>;
const installation: Choices = { install_method: ['script', 'package', 'tarball', 'none', 'auto'] };
const daemon: Choices = { log_level: ['debug', 'info', 'warn', 'error', 'fatal'] };
const managed: Choices = { ...daemon, service_manager: ['execute', 'systemd', 'none', 'auto'] };
export const chefChoices: ReadonlyMap<string, Choices> = new Map([
  ['docker_service', { ...installation, ...managed }],
  ['docker_service_manager', daemon],
  ['docker_service_manager_systemd', daemon],
  ['docker_service_manager_execute', daemon],
  ['docker_installation_script', { repo: ['stable', 'test'] }],
  ['docker_swarm_token', { token_type: ['worker', 'manager'] }],
]);

/** docker_image actions that pull from a registry, where a tag decides what arrives. */
export const chefPullActions: readonly string[] = ['pull', 'pull_if_missing'];

/** docker_container's size properties, read by the cookbook's own unit parser. */
export const chefSizeProperties: readonly string[] = [
  'memory',
  'memory_swap',
  'memory_reservation',
  'kernel_memory',
  'shm_size',
];

/**
 * What the cookbook's size parser reads correctly: digits and at most one of `BKMGTPEZY`, or
 * `-1`, which it reads as -1 and the engine as no limit (memory_swap's unlimited swap).
 * Anything else has its leading digits multiplied by 1.
 */
export const chefSizePattern = /^(?:\d+[bkmgtpezy]?|-1)$/i;

/** docker::run `restart`, exactly as the module's type checks it (anchored at the start only). */
export const puppetRestartPattern = /^(no|always|unless-stopped|on-failure)|^on-failure:[\d]+$/;

/** What Docker itself accepts for `--restart`. */
export const dockerRestartPattern = /^(?:no|always|unless-stopped|on-failure(?::\d+)?)$/;

/** docker::run `memory_limit`, as the module's type checks it: lower-case units only. */
export const puppetMemoryPattern = /^[\d]*(b|k|m|g)$/;

/** docker::run `systemd_restart`: the values of systemd's `Restart=`. */
export const systemdRestartValues: readonly string[] = [
  'no',
  'always',
  'on-success',
  'on-failure',
  'on-abnormal',
  'on-abort',
  'on-watchdog',
];

/**
 * docker::image parameters that compile-fail together: the module chooses between building,
 * loading and pulling by digest, and refuses two sources at once.
 */
export const puppetImageConflicts: readonly (readonly [string, string])[] = [
  ['docker_file', 'docker_tar'],
  ['docker_dir', 'docker_tar'],
  ['image_digest', 'docker_file'],
  ['image_digest', 'docker_dir'],
  ['image_digest', 'docker_tar'],
];

/** docker::run: removing volumes needs removing the container at the same moment. */
export const puppetRemoveVolumePairs: readonly (readonly [string, string])[] = [
  ['remove_volume_on_start', 'remove_container_on_start'],
  ['remove_volume_on_stop', 'remove_container_on_stop'],
];
