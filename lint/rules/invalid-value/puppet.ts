import type { Attribute, Value } from '../../../parsers/types.js';
import type { DockerResource } from '../../extract/index.js';
import type { Report } from '../../rule.js';
import {
  dockerRestartPattern,
  puppetImageConflicts,
  puppetMemoryPattern,
  puppetRemoveVolumePairs,
  puppetRestartPattern,
  systemdRestartValues,
} from '../../targets/values.js';
import { literalBoolean } from '../support.js';
import { article, kindName, puppetType } from './types.js';

const COMPILE = 'Puppet fails to compile';
/** The native types (`docker_network`, `docker_compose`) validate on the agent, not the server. */
const APPLY = 'the agent fails to apply it';

function failure(resource: DockerResource): string {
  return resource.type.includes('::') || resource.target.isClass ? COMPILE : APPLY;
}

export function checkPuppet(resource: DockerResource, report: Report): void {
  for (const { attribute, meaning } of resource.attributes) {
    if (meaning.status !== 'property') continue;
    if (resource.target.properties.get(meaning.property)?.internal) {
      // docker_network's id and docker_volume's mountpoint are read from Docker.
      const message = `${attribute.name} is read-only, set by Docker: ${failure(resource)}`;
      problem(report, resource, attribute, message);
      continue;
    }
    if (attribute.value.kind === 'unknown') continue;
    const declared = resource.target.properties.get(meaning.property)?.types[0];
    if (declared) checkType(resource, attribute, declared, report);
    if (resource.type === 'docker::run') checkRunValue(resource, attribute, report);
  }
  const pairs = resource.type === 'docker::image' ? puppetImageConflicts : [];
  for (const [first, second] of pairs) checkConflict(resource, first, second, report);
  if (resource.type === 'docker::run') {
    for (const [volume, container] of puppetRemoveVolumePairs) {
      checkRemoveVolume(resource, volume, container, report);
    }
  }
}

function problem(report: Report, resource: DockerResource, attribute: Attribute, message: string) {
  report({ span: attribute.span, message, resource, attribute: attribute.name, value: message });
}

/** Puppet refuses to compile a catalog where a literal does not match the declared type. */
function checkType(
  resource: DockerResource,
  attribute: Attribute,
  declared: string,
  report: Report,
) {
  const value = attribute.value;
  const kind = kindName(value) === 'Symbol' ? 'String' : kindName(value);
  if (kind === undefined) return;
  const type = puppetType(declared);
  if (type.kinds.size === 0) return;
  const text = value.kind === 'string' || value.kind === 'symbol' ? value.value : undefined;
  if (type.kinds.has(kind)) {
    if (!type.values || text === undefined || type.values.includes(text)) return;
    return problem(
      report,
      resource,
      attribute,
      enumMessage(resource, attribute.name, text, type.values),
    );
  }
  const expected = [...type.kinds].filter((name) => name !== 'Undef').join(' or ');
  const message = `${attribute.name} takes ${expected}, not ${article(kind)}: ${failure(resource)}`;
  problem(report, resource, attribute, message);
}

function enumMessage(resource: DockerResource, name: string, text: string, values: string[]) {
  const allowed = `${name} takes ${values.join(' or ')}, not '${text}'`;
  if (
    resource.type === 'docker::run' &&
    name === 'ensure' &&
    ['running', 'stopped'].includes(text)
  ) {
    return `${allowed}: docker::run's run state is running => ${text === 'running'}`;
  }
  return `${allowed}: Puppet fails to compile`;
}

type ValueCheck = (text: string) => string | undefined;

const RUN_VALUES: Record<string, ValueCheck> = {
  restart: (policy) => {
    if (!puppetRestartPattern.test(policy)) {
      return (
        `restart '${policy}' does not match the module's pattern (no, always, ` +
        `unless-stopped, on-failure[:N]): Puppet fails to compile`
      );
    }
    if (dockerRestartPattern.test(policy)) return undefined;
    return `restart '${policy}' passes the module's check but Docker refuses it`;
  },
  memory_limit: (limit) =>
    puppetMemoryPattern.test(limit)
      ? undefined
      : `memory_limit '${limit}' must be digits and one lower-case unit (b, k, m or g): ` +
        `Puppet fails to compile`,
  systemd_restart: (value) =>
    systemdRestartValues.includes(value)
      ? undefined
      : `systemd_restart '${value}' is not a value of systemd's Restart= ` +
        `(${systemdRestartValues.join(', ')})`,
  image: (image) =>
    /^\S*$/.test(image) ? undefined : `image '${image}' has white space, which the module refuses`,
};

function checkRunValue(resource: DockerResource, attribute: Attribute, report: Report): void {
  const check = RUN_VALUES[attribute.name];
  const text = textOf(attribute.value);
  const message = check && text !== undefined ? check(text) : undefined;
  if (message) problem(report, resource, attribute, message);
}

function textOf(value: Value): string | undefined {
  return value.kind === 'string' || value.kind === 'symbol' ? value.value : undefined;
}

/** Set to a literal other than undef. */
function written(resource: DockerResource, name: string): Attribute | undefined {
  const found = resource.attributes.find(({ attribute }) => attribute.name === name)?.attribute;
  return found && found.value.kind !== 'nil' ? found : undefined;
}

function checkConflict(resource: DockerResource, first: string, second: string, report: Report) {
  const a = written(resource, first);
  const b = written(resource, second);
  if (!a || !b) return;
  const later = a.span.start.offset > b.span.start.offset ? a : b;
  const message = `${first} and ${second} cannot both be set on docker::image: ${COMPILE}`;
  problem(report, resource, later, message);
}

function checkRemoveVolume(
  resource: DockerResource,
  volume: string,
  container: string,
  report: Report,
) {
  const attribute = written(resource, volume);
  if (!attribute || literalBoolean(resource, volume) !== true) return;
  if (literalBoolean(resource, container) !== false) return;
  const message = `${volume} true needs ${container} true: Puppet fails to compile`;
  problem(report, resource, attribute, message);
}
