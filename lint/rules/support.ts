import type { Span } from '../../diagnostics/position.js';
import type { Value } from '../../parsers/types.js';
import type { ContainerFacts, DockerResource, Fact, ResolvedAttribute } from '../extract/index.js';
import type { LintedFile, Report } from '../rule.js';
import { chefCreatingActions } from '../targets/values.js';

/** Each container resource of the file with its facts. */
export function* containers(file: LintedFile): Generator<[DockerResource, ContainerFacts]> {
  for (const resource of file.resources) {
    if (resource.container) yield [resource, resource.container];
  }
}

/**
 * The containers whose settings take effect: not those a resource only stops or removes
 * (Chef `action :delete`, Puppet `ensure => absent`), where `privileged true` changes nothing.
 */
export function* effectiveContainers(
  file: LintedFile,
): Generator<[DockerResource, ContainerFacts]> {
  for (const pair of containers(file)) if (!onlyRemoves(pair[0])) yield pair;
}

/** `action :nothing` is not among them: a notification from another recipe may run it. */
const REMOVING_ACTIONS = new Set(['stop', 'kill', 'delete', 'remove']);

function onlyRemoves(resource: DockerResource): boolean {
  if (resource.form !== undefined) return false;
  if (resource.dialect === 'puppet') return literalText(resource, 'ensure') === 'absent';
  const actions = chefActions(resource);
  return actions !== undefined && actions.every((action) => REMOVING_ACTIONS.has(action));
}

/** The attribute a fact came from, with its flag: `extra_parameters --cap-add`. */
export function attributeOf(fact: Fact<unknown>): string {
  const { attribute, flag } = fact.origin;
  return flag ? `${attribute} ${flag}` : attribute;
}

/** Reports a known fact, at its span, for the resource it belongs to. */
export function reportFact(
  report: Report,
  resource: DockerResource,
  fact: Fact<unknown>,
  message: string,
  value: string,
): void {
  report({ span: fact.span, message, resource, attribute: attributeOf(fact), value });
}

/**
 * A host path as the kernel resolves it, for comparing with sensitive paths: repeated and
 * trailing slashes dropped, `.` and `..` resolved. A relative path stays relative.
 */
export function normalisePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined;
}

/** The attribute that sets a property, aliases resolved; the last one written wins. */
export function attributeFor(
  resource: DockerResource,
  property: string,
): ResolvedAttribute | undefined {
  let found: ResolvedAttribute | undefined;
  for (const resolved of resource.attributes) {
    if (propertyName(resolved) === property) found = resolved;
  }
  return found;
}

/** The property an attribute sets: its own name, an alias's target, or a Puppet parameter. */
export function propertyName({ attribute, meaning }: ResolvedAttribute): string {
  if (meaning.status === 'property' || meaning.status === 'alias') return meaning.property;
  return attribute.name;
}

/** The literal value of a property, or undefined when unset, computed or conditional. */
export function literalOf(resource: DockerResource, property: string): Value | undefined {
  const resolved = attributeFor(resource, property);
  if (!resolved || resolved.attribute.conditional) return undefined;
  const value = resolved.attribute.value;
  return value.kind === 'unknown' ? undefined : value;
}

/** A literal `true` or `false`, or undefined. */
export function literalBoolean(resource: DockerResource, property: string): boolean | undefined {
  const value = literalOf(resource, property);
  return value?.kind === 'boolean' ? value.value : undefined;
}

/** A literal string (a Puppet bare word or a Ruby symbol too), or undefined. */
export function literalText(resource: DockerResource, property: string): string | undefined {
  const value = literalOf(resource, property);
  return value && (value.kind === 'string' || value.kind === 'symbol') ? value.value : undefined;
}

/** The values of a Chef resource's `action` (`action [:create, :start]` gives two). */
export function chefActionValues(resource: DockerResource): Value[] | undefined {
  const action = resource.attributes.find(({ attribute }) => attribute.name === 'action');
  return action?.attribute.arguments.flatMap((value) =>
    value.kind === 'array' ? value.items : [value],
  );
}

/** The Chef actions written as literal symbols, or undefined when absent or computed. */
export function chefActions(resource: DockerResource): string[] | undefined {
  const items = chefActionValues(resource);
  if (!items) return undefined;
  // Chef turns a String action into a Symbol: `action 'delete'` is `action :delete`.
  const names = items.map((item) =>
    item.kind === 'symbol' || item.kind === 'string' ? item.value : undefined,
  );
  return names.every((name) => name !== undefined) ? (names as string[]) : undefined;
}

/**
 * A resource that declares a running container, so that what it leaves out matters: not a
 * Puppet default, override or collector, not `ensure => absent` or `running => false`, not a
 * Chef container whose literal actions only stop, delete or export it.
 */
export function declaresContainer(resource: DockerResource): boolean {
  if (resource.form !== undefined) return false;
  if (resource.dialect === 'puppet') {
    return (
      literalText(resource, 'ensure') !== 'absent' && literalBoolean(resource, 'running') !== false
    );
  }
  const actions = chefActions(resource);
  if (actions === undefined || actions.some((action) => chefCreatingActions.includes(action))) {
    return true;
  }
  // `action :nothing` waits for a notification, which may create the container.
  return resource.triggered === true;
}

/**
 * A container that runs once and is done, for which a restart policy or a healthcheck makes
 * no sense: Chef's `autoremove true` or `detach false`, Puppet's `detach => true` alone is not
 * one (it only runs `docker start` in the foreground of the unit).
 */
export function isOneShot(resource: DockerResource): boolean {
  if (resource.dialect !== 'chef') return false;
  return (
    literalBoolean(resource, 'autoremove') === true || literalBoolean(resource, 'detach') === false
  );
}

/**
 * Whether something outside the declaration may set a parameter: a `* => $hash` splat in it,
 * or Puppet resource defaults or a collector for its type in the same file that set one of
 * `parameters`, or whose `extra_parameters` give `fromFlags` or are computed at run time.
 */
export function setElsewhere(
  file: LintedFile,
  resource: DockerResource,
  parameters: readonly string[],
  fromFlags?: (facts: ContainerFacts) => boolean,
): boolean {
  if (resource.attributes.some(({ meaning }) => meaning.status === 'splat')) return true;
  const flagged = (facts: ContainerFacts | undefined) =>
    fromFlags !== undefined && facts !== undefined && (facts.flagsUnknown || fromFlags(facts));
  return (settersOf(file).get(resource.type) ?? []).some(
    (other) =>
      flagged(other.container) ||
      other.attributes.some(
        (resolved) =>
          resolved.meaning.status === 'splat' || parameters.includes(propertyName(resolved)),
      ),
  );
}

const settersByFile = new WeakMap<LintedFile, Map<string, DockerResource[]>>();

/**
 * A file's resource defaults and collectors by type, gathered once: three rules ask about
 * each container, and a file may hold thousands of them.
 */
function settersOf(file: LintedFile): Map<string, DockerResource[]> {
  let setters = settersByFile.get(file);
  if (!setters) {
    setters = new Map();
    for (const other of file.resources) {
      if (other.form !== 'defaults' && other.form !== 'collector') continue;
      const ofType = setters.get(other.type);
      if (ofType) ofType.push(other);
      else setters.set(other.type, [other]);
    }
    settersByFile.set(file, setters);
  }
  return setters;
}

/** Where to report something a resource leaves out: its type name, or its own title. */
export function missingAt(resource: DockerResource): Span {
  return resource.headSpan;
}
