import type {
  ChefSecretSource,
  Container,
  Image,
  ImageRef,
  Model,
  PullPolicy,
} from '../../model/types.js';
import { mapDefined } from '../../model/lists.js';
import type { RubyValue } from '../quote/ruby.js';
import type { Notes } from './notes.js';
import { passThroughProperties } from './passthrough.js';
import { portPatterns, type Property } from './ports.js';
import { containerProperties } from './properties.js';
import { fieldPath } from '../../model/paths.js';

/** A docker_image action for a pull policy; `never` pulls nothing and has none. */
export const pullActions: Record<PullPolicy, string | undefined> = {
  always: 'pull',
  missing: 'pull_if_missing',
  never: undefined,
};

/** What the cookbook's `tag` holds: the digest when pinned by one, else the tag or `latest`. */
export const tagOf = (ref: ImageRef) => ref.digest ?? ref.tag ?? 'latest';

export interface SecretVariable {
  name: string;
  source: ChefSecretSource;
}

export interface Connection {
  resourceName: string;
  network: string;
  container: string;
  properties: Property[];
  /** Reconnect after a redeploy that happens at the end of the run. */
  resubscribe: boolean;
}

export interface ContainerView {
  name: string;
  /** `docker_container[name]`, for notifications. */
  resource: string;
  pullAction?: string;
  secrets: SecretVariable[];
  properties: Property[];
  /** `docker_image[other]` when another container's pull of the same image redeploys this one. */
  subscribesTo?: string;
  connections: Connection[];
  /** The attribute defaults. */
  defaults: { repo: string; tag: string; env: Record<string, RubyValue> };
  /** Regexp sources for the InSpec `ports` checks. */
  portPatterns: string[];
}

/** What every container's view needs from the rest of the model. */
export interface ContainerContext {
  cookbook: string;
  images: Map<string, Image>;
  secrets: Map<string, ChefSecretSource>;
  /** The first container, in recipe order, that runs each image. */
  firstUser: Map<string, string>;
  notes: Notes;
}

export function containerContext(model: Model, notes: Notes): ContainerContext {
  const firstUser = new Map<string, string>();
  for (const container of model.containers) {
    if (!firstUser.has(container.imageKey)) firstUser.set(container.imageKey, container.name);
  }
  return {
    cookbook: model.chef.cookbookName,
    images: new Map(model.images.map((image) => [image.key, image])),
    secrets: new Map(model.secrets.map((secret) => [secret.name, secret.chef])),
    firstUser,
    notes,
  };
}

export function containerView(container: Container, context: ContainerContext): ContainerView {
  const policy = context.images.get(container.imageKey)?.pullPolicy ?? container.pullPolicy;
  const subscribesTo = sharedPull(container, policy, context);
  noteImage(container, context.notes);
  noteDependencies(container, context.notes);

  return {
    name: container.name,
    resource: `docker_container[${container.name}]`,
    ...(pullActions[policy] ? { pullAction: pullActions[policy] } : {}),
    secrets: secretVariables(container, context),
    properties: properties(container, context.notes),
    ...(subscribesTo ? { subscribesTo } : {}),
    connections: connections(container, subscribesTo !== undefined, context.notes),
    defaults: {
      repo: container.image.repository,
      tag: tagOf(container.image),
      env: plainEnvironment(container),
    },
    portPatterns: portPatterns(container.ports),
  };
}

/** berth's properties with the `x-chef` ones after them; a property named in both is x-chef's. */
function properties(container: Container, notes: Notes): Property[] {
  const passed = passThroughProperties(container, notes);
  const derived = containerProperties(container, notes);
  if (passed.length === 0) return derived;
  const overridden = new Set(passed.map((property) => property.name));
  return [...derived.filter((property) => !overridden.has(property.name)), ...passed];
}

function plainEnvironment(container: Container): Record<string, RubyValue> {
  const env: Record<string, RubyValue> = {};
  for (const variable of container.environment) {
    if (typeof variable.value === 'string') env[variable.name] = variable.value;
  }
  return env;
}

function secretVariables(container: Container, context: ContainerContext): SecretVariable[] {
  return mapDefined(container.environment, (variable) => {
    if (typeof variable.value === 'string') return undefined;
    const source = context.secrets.get(variable.value.secret);
    return source ? { name: variable.name, source } : undefined;
  });
}

/**
 * A pull reports a change only when the image ID moves, so when containers share an image
 * that is pulled on every run, only the first container's pull can see a new image. The others
 * follow that pull, redeploying at the end of the run so that the recipe's order still holds
 * on the first run.
 */
function sharedPull(container: Container, policy: PullPolicy, context: ContainerContext) {
  const first = context.firstUser.get(container.imageKey);
  if (policy !== 'always' || first === undefined || first === container.name) return undefined;
  return `docker_image[${first}]`;
}

function noteImage(container: Container, notes: Notes): void {
  const { image } = container;
  if (!image.tag && !image.digest) {
    notes.changedDefault(
      fieldPath(container, 'image'),
      `writes tag 'latest' for ${image.reference}, which names whatever was pushed last`,
      'pin a tag (or a digest) in the image, e.g. nginx:1.27',
    );
  }
  if (image.digest && image.repository.includes('/')) {
    notes.approximate(
      fieldPath(container, 'image'),
      `the cookbook reads the running image ${image.repository}@… back as a repository ` +
        'ending in "@sha256" and redeploys the container on every Chef run',
      'pin this image by tag for Chef, or accept the restarts',
    );
  }
}

function noteDependencies(container: Container, notes: Notes): void {
  for (const dependency of container.dependsOn) {
    if (dependency.condition === 'service_started') continue;
    notes.approximate(
      dependency.path,
      `the recipe starts ${container.name} after ${dependency.name} but does not wait for ` +
        `${dependency.condition === 'service_healthy' ? 'it to be healthy' : 'it to finish'}`,
      `make ${container.name} retry until ${dependency.name} is ready (e.g. restart: on-failure)`,
    );
  }
}

/** The networks after the first, joined with docker_network :connect after the container. */
function connections(container: Container, resubscribe: boolean, notes: Notes): Connection[] {
  if (container.networks.length < 2) return [];
  return container.networks.slice(1).map((network) => {
    if (network.aliases.length > 0) {
      notes.unsupported(
        [...network.path, 'aliases'],
        `docker_network :connect has no aliases, so on ${network.name} the container answers ` +
          'to its name only',
        `reach the container on ${network.name} by its name, ${container.name}`,
      );
    }
    return {
      resourceName: `connect ${container.name} to ${network.name}`,
      network: network.name,
      container: container.name,
      properties: [
        ...(network.ipv4Address ? [{ name: 'ip', value: network.ipv4Address }] : []),
        ...(network.ipv6Address ? [{ name: 'ip6', value: network.ipv6Address }] : []),
      ],
      resubscribe,
    };
  });
}
