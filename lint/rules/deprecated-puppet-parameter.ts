import type { DockerResource } from '../extract/index.js';
import type { LintedFile, Report, Rule } from '../rule.js';
import { puppetIneffectiveRunParameters } from '../targets/deprecations.js';
import { literalText, missingAt, setElsewhere } from './support.js';

/**
 * garethr-docker-era usage that puppetlabs-docker 10.x refuses or ignores: class parameters
 * removed in 1.0.5 and v10.4.0 (Puppet fails to compile: reported as errors), docker::run
 * parameters still declared but without effect (`use_name`, `after_service`, `custom_unless`,
 * `lxc_conf`, `disable_network`), and `--restart` in `extra_parameters` under the module's
 * systemd unit, which stops the container itself so Docker's policy never applies.
 */
export const rule: Rule = {
  id: 'deprecated-puppet-parameter',
  severity: 'warning',
  description: 'a Puppet resource uses a puppetlabs-docker parameter that is gone or does nothing',
  tags: ['deprecation'],
  anchors: [],
  check(file, report) {
    for (const resource of file.resources) {
      if (resource.dialect !== 'puppet') continue;
      checkRemoved(resource, report);
      if (resource.type === 'docker::run') checkIneffective(resource, report);
      if (resource.type === 'docker_compose') checkComposeFiles(file, resource, report);
    }
  },
};

/**
 * garethr/docker's docker_compose took the compose file's path as its title; since 3.0.0 the
 * title is the project name and the files are `compose_files`, which the provider reads
 * without a default, so a declaration without them fails on the agent.
 */
function checkComposeFiles(file: LintedFile, resource: DockerResource, report: Report): void {
  if (resource.form !== undefined || literalText(resource, 'ensure') === 'absent') return;
  const names = resource.attributes.map(({ attribute }) => attribute.name);
  if (names.includes('compose_files') || setElsewhere(file, resource, ['compose_files'])) return;
  const path = /[/\\]|\.ya?ml$/.test(resource.name) ? ` ('${resource.name}')` : '';
  report({
    span: missingAt(resource),
    message:
      `docker_compose has no compose_files, which the agent needs: since puppetlabs-docker ` +
      `3.0.0 the title names the project, where garethr/docker took the file's path${path}`,
    resource,
    attribute: 'compose_files',
    value: '',
    severity: 'error',
  });
}

function ownerOf(resource: DockerResource): string {
  return resource.target.isClass ? `class ${resource.target.type}` : resource.type;
}

function checkRemoved(resource: DockerResource, report: Report): void {
  for (const { attribute, meaning } of resource.attributes) {
    if (meaning.status !== 'legacy') continue;
    const { replacement, removedIn } = meaning.legacy;
    const instead = replacement ? `; use "${replacement}"` : ' with no replacement';
    const removed = `was removed from ${ownerOf(resource)} in puppetlabs-docker ${removedIn}`;
    report({
      span: attribute.nameSpan,
      message: `parameter "${attribute.name}" ${removed}${instead}`,
      resource,
      attribute: attribute.name,
      value: '',
      severity: 'error',
    });
  }
}

function checkIneffective(resource: DockerResource, report: Report): void {
  for (const { attribute } of resource.attributes) {
    const known = puppetIneffectiveRunParameters.find(({ name }) => name === attribute.name);
    if (!known || attribute.value.kind === 'nil') continue;
    const value = attribute.value;
    if (known.when === 'true' && !(value.kind === 'boolean' && value.value)) continue;
    if (value.kind === 'array' && value.items.length === 0) continue;
    const instead = known.instead ? `; ${known.instead}` : '';
    report({
      span: attribute.nameSpan,
      message: `parameter "${attribute.name}" ${known.reason}${instead}`,
      resource,
      attribute: attribute.name,
      value: '',
    });
  }
  checkRestartFlag(resource, report);
}

/** The module's header: a Docker policy in extra_parameters does not survive the unit. */
function checkRestartFlag(resource: DockerResource, report: Report): void {
  const facts = resource.container;
  if (!facts || facts.restart.supervisor !== 'systemd') return;
  for (const flag of facts.flags) {
    if (flag.name !== 'restart') continue;
    report({
      span: flag.span,
      message:
        `${flag.written} in extra_parameters has no effect under the module's ` +
        `systemd unit, which stops the container itself; use systemd_restart, or restart to ` +
        `let Docker supervise`,
      resource,
      attribute: `extra_parameters ${flag.written}`,
      value: 'restart',
    });
  }
}
