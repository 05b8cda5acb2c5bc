import type { Attribute, HashEntry, Value } from '../../parsers/types.js';
import { emptyContainer, mapFact, push } from './container.js';
import {
  chefMemory,
  deviceHostPath,
  healthcheckFromTest,
  parseEnvironment,
  parseImageReference,
  parseVolume,
  withChefTag,
} from './docker-values.js';
import { spanning } from './hashes.js';
import type {
  ContainerFacts,
  DockerResource,
  EnvironmentEntry,
  Fact,
  ImageReference,
  Mount,
  RegistryFacts,
} from './types.js';
import {
  attributeFact,
  factOf,
  hashValue,
  itemFacts,
  itemsOf,
  originOf,
  readBoolean,
  readNumber,
  readString,
  scalarText,
} from './values.js';

type Reader = (facts: ContainerFacts, attribute: Attribute) => void;

const string = (attribute: Attribute) => attributeFact(attribute, readString);

/** What each docker_container property (aliases resolved) says, by property name. */
const CONTAINER: Record<string, Reader> = {
  privileged: (facts, a) => push(facts.privileged, attributeFact(a, readBoolean)),
  network_mode: (facts, a) => push(facts.network, string(a)),
  pid_mode: (facts, a) => push(facts.pid, string(a)),
  ipc_mode: (facts, a) => push(facts.ipc, string(a)),
  userns_mode: (facts, a) => push(facts.userns, string(a)),
  uts_mode: (facts, a) => push(facts.uts, string(a)),
  cap_add: (facts, a) => facts.capAdd.push(...itemFacts(a, readString)),
  cap_drop: (facts, a) => facts.capDrop.push(...itemFacts(a, readString)),
  security_opt: (facts, a) => facts.securityOpt.push(...itemFacts(a, readString)),
  volumes: (facts, a) => facts.mounts.push(...volumeFacts(a)),
  devices: (facts, a) => facts.devices.push(...itemFacts(a, devicePath)),
  env: (facts, a) => facts.environment.push(...environmentFacts(a)),
  port: (facts, a) => facts.ports.push(...itemFacts(a, readString)),
  user: (facts, a) => push(facts.user, string(a)),
  ro_rootfs: (facts, a) => push(facts.readOnlyRootfs, attributeFact(a, readBoolean)),
  restart_policy: (facts, a) => push(facts.restart.policy, string(a)),
  restart_maximum_retry_count: (facts, a) =>
    push(facts.restart.maximumRetryCount, attributeFact(a, readNumber)),
  health_check: (facts, a) => push(facts.healthcheck, attributeFact(a, healthcheck)),
  memory: (facts, a) => push(facts.memory, attributeFact(a, memory)),
};

/** The property an attribute sets, aliases and the `image`/`port` methods included. */
function propertyOf(resource: DockerResource, index: number): string | undefined {
  const { attribute, meaning } = resource.attributes[index]!;
  if (meaning.status === 'property' || meaning.status === 'alias') return meaning.property;
  return meaning.status === 'method' ? attribute.name : undefined;
}

export function chefContainer(resource: DockerResource): ContainerFacts {
  const facts = emptyContainer();
  resource.attributes.forEach(({ attribute }, index) => {
    const property = propertyOf(resource, index);
    if (property) CONTAINER[property]?.(facts, attribute);
  });
  const image = chefImageReference(resource);
  if (image) facts.image = image;
  return facts;
}

export function chefImage(resource: DockerResource): { reference?: Fact<ImageReference> } {
  const reference = chefImageReference(resource);
  return reference ? { reference } : {};
}

interface ImageParts {
  repo?: Fact<string>;
  /** docker_container's `container_name`, which is also its repo when `repo` is not set. */
  name?: Fact<string>;
  tag?: Fact<string>;
  /** The last attribute that set either. */
  last?: Attribute;
}

/**
 * The image a container runs or an image resource pulls: `repo` (the title when absent) and
 * `tag` (`latest` when absent), or the container's `image 'repo:tag'` method, which sets both;
 * the last one written wins, as in the cookbook.
 */
function chefImageReference(resource: DockerResource): Fact<ImageReference> | undefined {
  const parts = imageParts(resource);
  const repo = parts.repo ?? parts.name ?? titleFact(resource);
  if (!repo) return undefined;
  const span = parts.last?.span ?? repo.span;
  const origin = parts.last ? originOf(parts.last) : repo.origin;
  if (!repo.known) return { ...repo, span, origin };
  if (parts.tag && !parts.tag.known) return { ...parts.tag, span, origin };
  return { known: true, value: withChefTag(repo.value, parts.tag?.value), span, origin };
}

function imageParts(resource: DockerResource): ImageParts {
  const parts: ImageParts = {};
  resource.attributes.forEach(({ attribute }, index) => {
    const property = propertyOf(resource, index);
    if (property === 'repo') parts.repo = string(attribute);
    else if (property === 'tag') parts.tag = string(attribute);
    else if (property === 'container_name' && resource.type === 'docker_container') {
      parts.name = string(attribute);
      return;
    } else if (property === 'image') setFromImage(parts, attribute);
    else return;
    parts.last = attribute;
  });
  return parts;
}

/** `image 'repo:tag'` sets `repo`, and `tag` when the reference names a tag or digest. */
function setFromImage(parts: ImageParts, attribute: Attribute): void {
  const fact = string(attribute);
  if (!fact?.known) {
    parts.repo = fact;
    return;
  }
  const reference = parseImageReference(fact.value);
  if (!reference) return;
  parts.repo = { ...fact, value: reference.repository };
  const tag = reference.digest ?? reference.tag;
  if (tag !== undefined) parts.tag = { ...fact, value: tag };
}

function titleFact(resource: DockerResource): Fact<string> | undefined {
  return factOf(
    resource.title,
    resource.title.span,
    { attribute: 'title', defaulted: true },
    readString,
  );
}

export function chefRegistry(resource: DockerResource): RegistryFacts {
  const facts: RegistryFacts = { username: [], password: [] };
  for (const { attribute, meaning } of resource.attributes) {
    const property = meaning.status === 'property' ? meaning.property : undefined;
    if (property === 'serveraddress') facts.server = string(attribute);
    if (property === 'username') push(facts.username, string(attribute));
    if (property === 'password') push(facts.password, string(attribute));
  }
  facts.server ??= titleFact(resource);
  return facts;
}

/** `volumes` takes `-v` strings, or a Hash of container paths (anonymous volumes). */
function volumeFacts(attribute: Attribute): Fact<Mount>[] {
  if (attribute.value.kind === 'hash') {
    return attribute.value.entries.flatMap(({ key }) => {
      const fact = factOf(key, key.span, originOf(attribute), readString);
      const mount =
        fact && mapFact(fact, (target): Mount => ({ type: 'anonymous', target, readOnly: false }));
      return mount ? [mount] : [];
    });
  }
  return itemFacts(attribute, (value) => {
    const text = readString(value);
    return text === undefined ? undefined : parseVolume(text);
  });
}

/** `env` takes `K=V` strings; a Hash is a mistake the engine rejects, but its text is there. */
function environmentFacts(attribute: Attribute): Fact<EnvironmentEntry>[] {
  if (attribute.value.kind === 'hash') {
    return attribute.value.entries.flatMap((entry) => hashEnvironment(entry, attribute));
  }
  return itemFacts(attribute, (value) => {
    const text = readString(value);
    return text === undefined ? undefined : parseEnvironment(text);
  });
}

function hashEnvironment(
  { key, value }: HashEntry,
  attribute: Attribute,
): Fact<EnvironmentEntry>[] {
  const name = scalarText(key);
  if (name === undefined) return [];
  const read = (entry: Value) => {
    const text = scalarText(entry);
    return text === undefined ? undefined : { name, value: text };
  };
  const fact = factOf(value, spanning(key.span, value.span), originOf(attribute), read);
  return fact ? [fact] : [];
}

/** A device is a Hash with `PathOnHost`; a `/dev/x:/dev/y` string is read too. */
function devicePath(value: Value): string | undefined {
  if (value.kind === 'hash') {
    const host = hashValue(value, 'PathOnHost');
    return host && readString(host);
  }
  const text = readString(value);
  return text === undefined ? undefined : deviceHostPath(text);
}

/** `health_check` is the Engine API's Hash: `Test` is `['CMD-SHELL', 'cmd']` or `['NONE']`. */
function healthcheck(value: Value) {
  const test = hashValue(value, 'Test') ?? hashValue(value, 'test');
  if (!test) return undefined;
  const words = itemsOf(test).map(scalarText);
  if (words.some((word) => word === undefined)) return undefined;
  return healthcheckFromTest(words as string[]);
}

function memory(value: Value) {
  if (value.kind === 'number') return chefMemory(value.value);
  return value.kind === 'string' ? chefMemory(value.value) : undefined;
}
