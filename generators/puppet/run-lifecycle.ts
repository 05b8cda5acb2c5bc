/**
 * When a container runs, restarts, stops and is pulled: restart policy, stop grace period,
 * pull policy and start order, in the module's two modes.
 */
import type { Container, Dependency } from '../../model/types.js';
import { fieldPath, type RunContext } from './run-context.js';
import type { RunParts } from './run-parts.js';
import { goDuration, wholeSeconds } from './values.js';

const modeHint = 'set x-puppet restart_mode: systemd to let a systemd unit apply every change';

/**
 * Unit mode: systemd restarts the container (`systemd_restart`); the module's default there is
 * on-failure, so an absent policy is written as `no`, which is Docker's default. Docker mode:
 * Docker's own policy (`restart`), which also switches the module to its restart mode.
 */
export function addRestart(context: RunContext, parts: RunParts): void {
  const { container, mode } = context;
  const policy = container.restart?.policy ?? 'no';
  if (mode === 'docker') {
    const retries = container.restart?.maxRetries;
    parts.set('restart', retries === undefined ? policy : `${policy}:${retries}`, 'restart');
    noteRestartMode(context);
    return;
  }
  parts.set('systemd_restart', policy === 'unless-stopped' ? 'always' : policy, 'restart');
  noteSystemdRestart(context);
}

function noteSystemdRestart({ container, notes }: RunContext): void {
  const restart = container.restart;
  if (restart?.policy === 'unless-stopped') {
    notes.approximate(
      restart.path,
      'restart: unless-stopped',
      'systemd has no "stopped by hand" state: the unit restarts the container after `docker ' +
        'stop` and starts it at boot (Restart=always)',
      'stop it with `systemctl stop docker-<name>`, or set x-puppet ' +
        "restart_mode: docker for Docker's own policy",
    );
  }
  if (restart?.policy === 'on-failure' && restart.maxRetries !== undefined) {
    notes.approximate(
      restart.path,
      `restart: on-failure:${restart.maxRetries}`,
      `systemd restarts on failure without a retry count (Restart=on-failure); the module's unit ` +
        `gives up after 3 starts within 20 seconds instead of after ${restart.maxRetries} retries`,
      'write restart: on-failure, or set x-puppet restart_mode: docker for an exact retry count',
    );
  }
}

/**
 * In restart mode the module recreates a container only when `docker inspect` shows another
 * image, other volumes or other published ports; published ports written HOST:CONTAINER never
 * compare equal, so those containers are recreated on every run (puppetlabs-docker #781).
 */
function noteRestartMode({ container, notes }: RunContext): void {
  notes.approximate(
    fieldPath(container, 'restart'),
    'restart in docker restart mode',
    'puppetlabs-docker recreates the container only when its image, volumes or ports change; ' +
      'changes to environment, labels, command and other settings do not reach a running container',
    `${modeHint}, or remove the container by hand after such a change`,
  );
  if (container.ports.some((port) => port.published)) {
    notes.approximate(
      fieldPath(container, 'ports'),
      'published ports in docker restart mode',
      'puppetlabs-docker compares HOST:CONTAINER ports with the container ports it ' +
        'inspects, never ' +
        'finds them equal, and recreates the container on every Puppet run (issue #781)',
      modeHint,
    );
  }
}

/**
 * The stop grace period becomes both the stop script's `docker stop --time` (whole seconds
 * only) and the container's own `--stop-timeout`, which Docker uses on daemon shutdown.
 */
export function addStop({ container, notes }: RunContext, parts: RunParts): void {
  if (container.stopSignal) parts.flag('stop-signal', container.stopSignal);
  const ms = container.stopGracePeriodMs;
  if (ms === undefined) return;

  const seconds = wholeSeconds(ms);
  parts.set('stop_wait_time', seconds, 'stop_grace_period');
  parts.flag('stop-timeout', seconds);
  if (ms % 1000 !== 0) {
    notes.approximate(
      fieldPath(container, 'stop_grace_period'),
      `stop_grace_period: ${goDuration(ms)}`,
      `puppetlabs-docker and docker take whole seconds; the container gets ${seconds}s`,
      'write the grace period in whole seconds',
    );
  }
}

/**
 * `missing` is the module's `docker::image` (declared beside the container); `never` skips it
 * and tells Docker not to pull either; `always` pulls when the container's service starts,
 * because `docker::image` with `latest` reports a change on every run and, chained to the
 * container, restarts it every run (puppetlabs-docker #627).
 */
export function addPull(context: RunContext, parts: RunParts): void {
  const { container, mode } = context;
  if (container.pullPolicy === 'never') {
    parts.flag('pull', 'never');
    if (mode === 'docker') notePullInRestartMode(context, 'never');
    return;
  }
  if (container.pullPolicy !== 'always' || container.image.digest) return;
  if (mode === 'docker') {
    notePullInRestartMode(context, 'always');
    return;
  }
  parts.set('pull_on_start', true, 'pull_policy');
  context.notes.approximate(
    fieldPath(container, 'pull_policy'),
    'pull_policy: always',
    'the image is pulled each time the container service starts (a settings change, a restart, ' +
      'a reboot), not on every Puppet run, so a moved tag is deployed at the next restart',
    'pin a tag or digest and change it to deploy, or restart the docker-<name> unit to pick up ' +
      'a moved tag',
  );
}

function notePullInRestartMode({ container, notes }: RunContext, policy: string): void {
  const consequence =
    policy === 'never'
      ? 'puppetlabs-docker runs `docker pull` itself before it creates the container'
      : 'the image is pulled only when puppetlabs-docker (re)creates the container';
  notes.approximate(
    fieldPath(container, 'pull_policy'),
    `pull_policy: ${policy} in docker restart mode`,
    consequence,
    modeHint,
  );
}

/**
 * `depends` orders the systemd units (After= and Requires=); `require` orders Puppet's own
 * first run, since the module's units do not. In restart mode there are no units, so only the
 * first run is ordered.
 */
export function addDependencies(context: RunContext, parts: RunParts): void {
  const { container, mode } = context;
  for (const dependency of container.dependsOn) {
    parts.require(context.index.reference('Docker::Run', dependency.name));
    if (mode === 'systemd') noteCondition(context, dependency);
  }
  if (container.dependsOn.length === 0) return;
  if (mode === 'systemd') {
    parts.set(
      'depends',
      container.dependsOn.map((d) => d.name),
      'depends_on',
    );
    return;
  }
  context.notes.approximate(
    fieldPath(container, 'depends_on'),
    'depends_on in docker restart mode',
    'only the first Puppet run creates the containers in order; at boot Docker starts them ' +
      'in any order',
    modeHint,
  );
}

function noteCondition({ container, notes }: RunContext, dependency: Dependency): void {
  if (dependency.condition === 'service_started') return;
  const waits = dependency.condition === 'service_healthy' ? 'healthy' : 'finished successfully';
  notes.approximate(
    dependency.path,
    `depends_on condition ${dependency.condition}`,
    `systemd starts ${container.name} once the unit of ${dependency.name} has started, not once ` +
      `${dependency.name} is ${waits}`,
    `make ${container.name} wait for ${dependency.name} itself (a retry loop in its ` +
      'command), or accept start order only',
  );
}

/** Containers a container shares a namespace with must exist before it is created. */
export function namespaceOwners(container: Container): string[] {
  const owners: string[] = [];
  for (const mode of [container.networkMode, container.pid, container.ipc]) {
    if (!mode?.startsWith('container:')) continue;
    const owner = mode.slice('container:'.length);
    if (!owners.includes(owner)) owners.push(owner);
  }
  return owners;
}
