import type { DockerResource, Fact } from '../extract/index.js';
import type { LintedFile, Report, Rule } from '../rule.js';
import {
  containers,
  declaresContainer,
  isOneShot,
  missingAt,
  reportFact,
  setElsewhere,
} from './support.js';

/**
 * A long-running container that nothing restarts: after a crash or a reboot it stays down
 * until the next Chef or Puppet run, if that run starts it at all.
 *
 * Chef: no `restart_policy`, so the daemon's default `no` applies. Puppet: docker::run's unit
 * mode restarts through systemd (`systemd_restart`, `on-failure` by default), so only
 * `systemd_restart => 'no'` without `restart`, or `restart => 'no'`, leave it down.
 */
export const rule: Rule = {
  id: 'no-restart-policy',
  severity: 'warning',
  description: 'nothing restarts a container when it stops or the host reboots',
  tags: ['reliability'],
  anchors: ['kube-linter restart-policy', 'KICS restart_policy_on_failure_not_set_to_5'],
  check(file, report) {
    for (const [resource, facts] of containers(file)) {
      if (!declaresContainer(resource) || isOneShot(resource)) continue;
      const { supervisor, policy, systemd } = facts.restart;
      if (supervisor === 'systemd') checkSystemd(report, resource, systemd);
      else if (supervisor === 'docker') checkPolicy(file, report, resource, policy);
    }
  },
};

function checkSystemd(report: Report, resource: DockerResource, systemd?: Fact<string>): void {
  if (!systemd?.known || systemd.origin.defaulted || systemd.value !== 'no') return;
  const message =
    "systemd_restart 'no' without restart: nothing starts the container again when it stops";
  reportFact(report, resource, systemd, message, 'systemd_restart=no');
}

function checkPolicy(
  file: LintedFile,
  report: Report,
  resource: DockerResource,
  policy: Fact<string>[],
): void {
  const last = policy[policy.length - 1];
  if (last) {
    if (!last.known || last.value !== 'no') return;
    reportFact(
      report,
      resource,
      last,
      "restart policy 'no': the container stays down after a crash or a reboot",
      'no',
    );
    return;
  }
  // The 0.x `restart` property is deprecated-chef-property's to report.
  if (resource.attributes.some(({ attribute }) => attribute.name === 'restart')) return;
  if (setElsewhere(file, resource, ['restart', 'restart_policy'])) return;
  report({
    span: missingAt(resource),
    message:
      "container has no restart_policy, so the daemon's default 'no' applies and it stays " +
      'down after a crash or a reboot',
    resource,
    attribute: 'restart_policy',
    value: '',
  });
}
