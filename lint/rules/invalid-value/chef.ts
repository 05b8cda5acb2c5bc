import type { Attribute, Value } from '../../../parsers/types.js';
import { chefMemory, dockerMemory, parseImageReference } from '../../extract/docker-values.js';
import type { DockerResource, ResolvedAttribute } from '../../extract/index.js';
import type { Report } from '../../rule.js';
import {
  chefChoices,
  chefLogDrivers,
  chefRestartPolicies,
  chefSizePattern,
  chefSizeProperties,
} from '../../targets/values.js';
import { closest } from '../../../model/suggest.js';
import { chefRemovedActions } from '../../targets/deprecations.js';
import {
  attributeFor,
  chefActionValues,
  literalBoolean,
  literalText,
  propertyName,
} from '../support.js';
import { article, kindName } from './types.js';

const REFUSED = 'the docker cookbook refuses it';

/** Messages for the type mistakes the cookbook's users make most, by property. */
type Hint = (name: string, value: Value) => string | undefined;

const inArray: Hint = (name, value) =>
  value.kind === 'string'
    ? `${name} takes an Array, not a String: write ['${value.value}']`
    : undefined;

const TYPE_HINTS: Record<string, Hint> = {
  env: (name, value) =>
    value.kind === 'hash'
      ? `${name} takes 'NAME=value' Strings, not a Hash: ` +
        'the cookbook turns a Hash into pairs the engine rejects'
      : undefined,
  dns: inArray,
  dns_search: inArray,
};

export function checkChef(resource: DockerResource, report: Report): void {
  checkRepository(resource, report);
  checkActions(resource, report);
  checkChoices(resource, report);
  for (const resolved of resource.attributes) {
    checkType(resource, resolved, report);
    if (resource.type !== 'docker_container') continue;
    const property = propertyName(resolved);
    if (property === 'port') checkPort(resource, resolved.attribute, report);
    if (property === 'restart_policy')
      checkChoice(resource, resolved.attribute, report, restartPolicy);
    if (property === 'log_driver') checkChoice(resource, resolved.attribute, report, logDriver);
    if (chefSizeProperties.includes(property)) checkSize(resource, resolved.attribute, report);
  }
  if (resource.type === 'docker_container') checkCombinations(resource, report);
}

function problem(
  report: Report,
  resource: DockerResource,
  attribute: Attribute,
  message: string,
  span = attribute.span,
) {
  report({ span, message, resource, attribute: attribute.name, value: message });
}

/** A literal whose type the property does not accept fails the run with ValidationFailed. */
function checkType(
  resource: DockerResource,
  { attribute, meaning }: ResolvedAttribute,
  report: Report,
): void {
  if (meaning.status !== 'property' && meaning.status !== 'alias') return;
  const declared = resource.target.properties.get(meaning.property)?.types ?? [];
  const kind = kindName(attribute.value);
  if (declared.length === 0 || kind === undefined || accepts(declared, kind, attribute.value))
    return;
  const hint = TYPE_HINTS[meaning.property]?.(attribute.name, attribute.value);
  const expected = declared.filter((type) => type !== 'nil').join(' or ');
  const message = hint ?? `${attribute.name} takes ${expected}, not ${article(kind)}`;
  problem(report, resource, attribute, message);
}

function accepts(declared: readonly string[], kind: string, value: Value): boolean {
  if (declared.includes(kind)) return true;
  if (kind === 'Integer' || kind === 'Float') return declared.includes('Numeric');
  return kind === 'Boolean' && value.kind === 'boolean' && value.value && declared.includes('true');
}

/**
 * A value outside a property's fixed list (`install_method 'binary'`), the title included when
 * it sets the property (`docker_swarm_token 'admin'`).
 */
function checkChoices(resource: DockerResource, report: Report): void {
  const choices = chefChoices.get(resource.type);
  if (!choices) return;
  const written = resource.attributes.map((resolved) => ({
    property: propertyName(resolved),
    value: resolved.attribute.conditional ? undefined : resolved.attribute.value,
    span: resolved.attribute.span,
    attribute: resolved.attribute.name,
  }));
  const titled = resource.target.titleProperty;
  if (titled && !written.some(({ property }) => property === titled)) {
    const { title } = resource;
    written.push({ property: titled, value: title, span: title.span, attribute: 'title' });
  }
  for (const { property, value, span, attribute } of written) {
    const allowed = choices[property];
    const text = value?.kind === 'string' || value?.kind === 'symbol' ? value.value : undefined;
    if (!allowed || text === undefined || allowed.includes(text)) continue;
    const message = `${property} '${text}' is refused by the docker cookbook: use one of ${allowed.join(', ')}`;
    report({ span, message, resource, attribute, value: text });
  }
}

/**
 * Chef refuses an action the resource does not have when it builds the resource collection,
 * before anything converges. The actions the cookbook removed are deprecated-chef-property's.
 */
function checkActions(resource: DockerResource, report: Report): void {
  const actions = resource.target.actions;
  const removed = chefRemovedActions.get(resource.type) ?? [];
  for (const item of chefActionValues(resource) ?? []) {
    if (item.kind !== 'symbol' && item.kind !== 'string') continue;
    if (!actions || actions.has(item.value)) continue;
    if (removed.some(({ action }) => action === item.value)) continue;
    const suggestion = closest(item.value, [...actions]);
    const own = [...actions].filter((action) => action !== 'nothing');
    const hint = suggestion
      ? `did you mean :${suggestion}`
      : `its actions are ${own.map((action) => `:${action}`).join(', ')}`;
    const message = `${resource.type} has no action :${item.value}, so Chef stops before converging; ${hint}`;
    report({ span: item.span, message, resource, attribute: 'action', value: item.value });
  }
}

/**
 * The cookbook joins `repo` and `tag` as they are written: a repo that names a tag or a digest
 * asks the engine for `nginx:1.25:latest`, which no registry serves. docker_image's repo is its
 * title when unset; docker_container's `image` method does split, so only `repo` is read.
 */
function checkRepository(resource: DockerResource, report: Report): void {
  if (resource.type !== 'docker_image' && resource.type !== 'docker_container') return;
  const names = resource.attributes.map(propertyName);
  const repo = resource.attributes[names.lastIndexOf('repo')];
  // A later `image 'repo:tag'` sets repo again, split.
  if (repo && names.lastIndexOf('image') > names.lastIndexOf('repo')) return;
  const fromTitle = !repo && resource.type === 'docker_image';
  const value = repo ? repo.attribute.value : fromTitle ? resource.title : undefined;
  if (value?.kind !== 'string' || repo?.attribute.conditional) return;
  const reference = parseImageReference(value.value);
  const pin = reference?.digest ?? reference?.tag;
  if (!reference || pin === undefined) return;

  const tag = attributeFor(resource, 'tag') ? (literalText(resource, 'tag') ?? '<tag>') : 'latest';
  const written = fromTitle ? `the title '${value.value}' (the repo)` : `repo '${value.value}'`;
  const message =
    `${written} names a ${reference.digest ? 'digest' : 'tag'}, which the docker cookbook ` +
    `does not split: it asks for '${value.value}:${tag}'; write repo ` +
    `'${reference.repository}' and tag '${pin}'`;
  const span = repo ? repo.attribute.span : value.span;
  const attribute = repo ? repo.attribute.name : 'title';
  report({ span, message, resource, attribute, value: value.value });
}

/** `port` is a method that splits Strings; an Integer fails with NoMethodError. */
function checkPort(resource: DockerResource, attribute: Attribute, report: Report): void {
  const items = attribute.value.kind === 'array' ? attribute.value.items : [attribute.value];
  for (const item of items) {
    if (item.kind !== 'number') continue;
    const message =
      `port takes Strings such as '${item.raw}:${item.raw}', not an Integer: ` +
      `the cookbook splits it as text`;
    problem(report, resource, attribute, message, item.span);
  }
}

type Choice = (text: string) => string | undefined;

function checkChoice(
  resource: DockerResource,
  attribute: Attribute,
  report: Report,
  choice: Choice,
) {
  const value = attribute.value;
  if (value.kind !== 'string') return;
  const message = choice(value.value);
  if (message) problem(report, resource, attribute, message);
}

function restartPolicy(policy: string): string | undefined {
  if (chefRestartPolicies.includes(policy)) return undefined;
  const retries = /^on-failure:(\d+)$/.exec(policy);
  const instead = retries
    ? `write 'on-failure' and restart_maximum_retry_count ${retries[1]}`
    : `use one of ${chefRestartPolicies.join(', ')}`;
  return `restart_policy '${policy}' is refused by the docker cookbook: ${instead}`;
}

function logDriver(driver: string): string | undefined {
  if (chefLogDrivers.includes(driver)) return undefined;
  return (
    `log_driver '${driver}' is not one the docker cookbook accepts ` +
    `(${chefLogDrivers.join(', ')})`
  );
}

/** The cookbook reads `'1.5g'` as 1 byte and `'64mb'` as 64 bytes, without a word. */
function checkSize(resource: DockerResource, attribute: Attribute, report: Report): void {
  const value = attribute.value;
  if (value.kind !== 'string' || chefSizePattern.test(value.value)) return;
  const read = chefMemory(value.value).bytes ?? 0;
  const meant = dockerMemory(value.value).bytes;
  const instead = meant === undefined ? '' : `; write ${wholeUnits(meant)}`;
  const message =
    `${attribute.name} '${value.value}' is read by the docker cookbook as ` +
    `${read} ${read === 1 ? 'byte' : 'bytes'}${instead}`;
  problem(report, resource, attribute, message);
}

/** The largest unit that divides the size: 1610612736 is `'1536m'`. */
function wholeUnits(bytes: number): string {
  const units = ['g', 'm', 'k'];
  for (const [index, unit] of units.entries()) {
    const size = 1024 ** (units.length - index);
    if (bytes >= size && bytes % size === 0) return `'${bytes / size}${unit}'`;
  }
  return String(bytes);
}

/** attach_* and stdin_once need `detach false`; detach defaults to true. */
function checkAttach(resource: DockerResource, report: Report): void {
  const detached = attributeFor(resource, 'detach');
  if (detached && literalBoolean(resource, 'detach') !== true) return;
  for (const name of ['attach_stdin', 'attach_stdout', 'attach_stderr', 'stdin_once']) {
    const resolved = attributeFor(resource, name);
    if (!resolved || literalBoolean(resource, name) !== true) continue;
    const message =
      `${name} true needs detach false: the docker cookbook refuses it with ` +
      `detach true, the default`;
    problem(report, resource, resolved.attribute, message);
  }
}

/** Pairs the cookbook's container validation refuses before creating anything. */
function checkCombinations(resource: DockerResource, report: Report): void {
  const policy = literalText(resource, 'restart_policy');
  const autoremove = attributeFor(resource, 'autoremove');
  if (literalBoolean(resource, 'autoremove') && autoremove && policy && policy !== 'no') {
    const message =
      `autoremove true with restart_policy '${policy}' is refused by the ` +
      `docker cookbook: a removed container cannot restart`;
    problem(report, resource, autoremove.attribute, message);
  }
  checkAttach(resource, report);
  const host = literalText(resource, 'network_mode') === 'host';
  for (const name of host ? ['hostname', 'mac_address'] : []) {
    const resolved = attributeFor(resource, name);
    if (!resolved) continue;
    const message = `${name} cannot be set with network_mode 'host': ${REFUSED}`;
    problem(report, resource, resolved.attribute, message);
  }
}
