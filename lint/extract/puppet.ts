import type { Attribute, Value } from '../../parsers/types.js';
import { addFlag, emptyContainer, mapFact, push } from './container.js';
import {
  dockerMemory,
  parseEnvironment,
  parseImageReference,
  parseVolume,
} from './docker-values.js';
import { readFlags, readsAsOneFlag, type SourceText } from './flags.js';
import type {
  ContainerFacts,
  DockerResource,
  Fact,
  ImageReference,
  RegistryFacts,
} from './types.js';
import {
  attributeFact,
  factOf,
  itemFacts,
  itemsOf,
  originOf,
  readBoolean,
  readString,
  unwrapSensitive,
} from './values.js';

type Reader = (facts: ContainerFacts, attribute: Attribute, source: SourceText) => void;

const string = (attribute: Attribute) => attributeFact(attribute, readString);

/** `username => false` and `hostname => false` are the parameters' way of saying "none". */
const readStringNotFalse = (value: Value) =>
  value.kind === 'boolean' ? undefined : readString(value);

/** What each docker::run parameter says, by name. */
const RUN: Record<string, Reader> = {
  image: (facts, a) => {
    const reference = imageFact(a);
    if (reference) facts.image = reference;
  },
  privileged: (facts, a) => push(facts.privileged, attributeFact(a, readBoolean)),
  net: (facts, a) => facts.network.push(...itemFacts(a, readString)),
  username: (facts, a) => push(facts.user, attributeFact(a, readStringNotFalse)),
  read_only: (facts, a) => push(facts.readOnlyRootfs, attributeFact(a, readBoolean)),
  env: (facts, a) => facts.environment.push(...itemFacts(a, (v) => parsed(v, parseEnvironment))),
  volumes: (facts, a) => facts.mounts.push(...itemFacts(a, (v) => parsed(v, parseVolume))),
  ports: (facts, a) => facts.ports.push(...itemFacts(a, readString)),
  memory_limit: (facts, a) =>
    push(
      facts.memory,
      attributeFact(a, (v) => parsed(v, dockerMemory)),
    ),
  restart: (facts, a) => push(facts.restart.policy, string(a)),
  systemd_restart: (facts, a) => {
    const fact = string(a);
    if (fact) facts.restart.systemd = fact;
  },
  health_check_cmd: (facts, a) =>
    push(
      facts.healthcheck,
      attributeFact(a, (v) => parsed(v, (command) => ({ command, disabled: false }))),
    ),
  extra_parameters: (facts, a, source) => {
    const items = itemsOf(a.value);
    for (const flag of readFlags(items, originOf(a), source)) addFlag(facts, flag);
    if (items.some((item) => item.kind === 'unknown' && !readsAsOneFlag(item))) {
      facts.flagsUnknown = true;
    }
  },
};

function parsed<T>(value: Value, parse: (text: string) => T | undefined): T | undefined {
  const text = readString(value);
  return text === undefined ? undefined : parse(text);
}

export function puppetContainer(resource: DockerResource, source: SourceText): ContainerFacts {
  const facts = emptyContainer();
  for (const { attribute } of resource.attributes) RUN[attribute.name]?.(facts, attribute, source);
  facts.restart = { ...facts.restart, ...supervision(resource, facts) };
  return facts;
}

/**
 * Without `restart`, docker::run writes a systemd unit that starts the container and restarts
 * it as `systemd_restart` says (`on-failure` by default); a Docker policy passed in
 * `extra_parameters` does not survive the unit stopping the container. With `restart`, the
 * container runs under Docker's policy and no unit is written.
 */
function supervision(
  resource: DockerResource,
  facts: ContainerFacts,
): Partial<ContainerFacts['restart']> {
  const restart = resource.attributes.find(
    ({ attribute }) => attribute.name === 'restart',
  )?.attribute;
  if (restart && restart.value.kind !== 'nil') {
    return { supervisor: restart.value.kind === 'unknown' ? 'unknown' : 'docker' };
  }
  if (resource.form !== undefined) return { supervisor: 'unknown' };
  const systemd: Fact<string> = facts.restart.systemd ?? {
    known: true,
    value: 'on-failure',
    span: resource.headSpan,
    origin: { attribute: 'systemd_restart', defaulted: true },
  };
  return { supervisor: 'systemd', systemd };
}

/** docker::run's `image` holds the whole reference, tag or digest included. */
function imageFact(attribute: Attribute): Fact<ImageReference> | undefined {
  const fact = string(attribute);
  return fact && mapFact(fact, parseImageReference);
}

/** docker::image: `image` (the title when absent), then `image_tag` or `image_digest`. */
export function puppetImage(resource: DockerResource): { reference?: Fact<ImageReference> } {
  let image: Attribute | undefined;
  let tag: Attribute | undefined;
  let digest: Attribute | undefined;
  for (const { attribute } of resource.attributes) {
    if (attribute.name === 'image') image = attribute;
    if (attribute.name === 'image_tag') tag = attribute;
    if (attribute.name === 'image_digest') digest = attribute;
  }
  const base = image ? imageFact(image) : titleReference(resource);
  if (!base?.known) return base ? { reference: base } : {};
  const reference = { ...base.value };
  // The reference is placed where its last part is written: `image_tag => 'latest'` is the
  // place to fix a moving tag.
  let placed: Fact<unknown> = base;
  for (const [attribute, part] of [
    [tag, 'tag'],
    [digest, 'digest'],
  ] as const) {
    const fact = attribute && string(attribute);
    if (fact && !fact.known) return { reference: fact };
    if (fact?.known) {
      reference[part] = fact.value;
      placed = fact;
    }
  }
  const { span, origin } = placed;
  return { reference: { ...base, value: reference, span, origin } };
}

function titleReference(resource: DockerResource): Fact<ImageReference> | undefined {
  const origin = { attribute: 'title', defaulted: true };
  const title = factOf(resource.title, resource.title.span, origin, readString);
  return title && mapFact(title, parseImageReference);
}

/** docker::registry: `server` (the title when absent), `username`, `password`. */
export function puppetRegistry(resource: DockerResource): RegistryFacts {
  const facts: RegistryFacts = { username: [], password: [] };
  for (const { attribute } of resource.attributes) {
    if (attribute.name === 'server') facts.server = string(attribute);
    if (attribute.name === 'username') push(facts.username, string(attribute));
    if (attribute.name === 'password') {
      const value = unwrapSensitive(attribute.value);
      push(facts.password, factOf(value, attribute.span, originOf(attribute), readString));
    }
  }
  const origin = { attribute: 'title', defaulted: true };
  facts.server ??= factOf(resource.title, resource.title.span, origin, readString);
  return facts;
}
