import { NormalizeContext } from './context.js';
import { normalizeContainer, type ContainerSpec } from './container.js';
import { orderByDependencies } from './dependencies.js';
import type { LoadedDocument } from './load.js';
import { mapDefined } from './lists.js';
import { identifierOf, moduleNameProblem, predefinedNetworks } from './names.js';
import { checkStrings } from './strings.js';
import type {
  ChefOptions,
  Container,
  Image,
  KeyValue,
  Metadata,
  Model,
  NamedVolume,
  Network,
  PullPolicy,
  PuppetOptions,
  Registry,
  Secret,
  YamlPath,
} from './types.js';
import { canonicalImage, parseImageReference } from './values.js';
import { childPath, fieldPath } from './paths.js';

/** The berth file after schema validation: plain data in the shape the schema allows. */
type Spec = Record<string, any>;

const dockerCookbookPlatforms = [
  'amazon',
  'centos',
  'debian',
  'fedora',
  'oracle',
  'redhat',
  'scientific',
  'ubuntu',
];

const dockerModuleSystems = [
  { name: 'CentOS', releases: ['7', '8', '9'] },
  { name: 'Debian', releases: ['10', '11'] },
  { name: 'Ubuntu', releases: ['18.04', '20.04', '22.04'] },
];

/**
 * Turns a validated document into the model: every default made explicit, every reference
 * checked, every short syntax parsed. All problems of the file are reported together.
 */
export function normalize(document: LoadedDocument): Model {
  const context = new NormalizeContext(document);
  const spec = document.value as Spec;

  checkStrings(context, spec, document.text);
  context.throwIfProblems();

  const metadata = normalizeMetadata(context, spec);
  const secrets = normalizeSecrets(spec, metadata.name);
  const networks = normalizeNetworks(context, spec.networks ?? {});
  const volumes = normalizeVolumes(spec.volumes ?? {});
  const registries = normalizeRegistries(spec.registries ?? {});
  const declared = {
    secrets: new Set(secrets.map((s) => s.name)),
    networks: new Set(networks.map((n) => n.name)),
    volumes: new Set(volumes.map((v) => v.name)),
    containers: new Set(Object.keys(spec.containers ?? {})),
  };

  checkSecretReferences(context, registries, declared.secrets);
  const containers = mapDefined(Object.entries(spec.containers ?? {}), ([name, container]) =>
    normalizeContainer(context, name, container as ContainerSpec, declared),
  );
  checkIdentifiers(context, containers);
  context.throwIfProblems();

  const ordered = orderByDependencies(context, containers);
  const images = collectImages(context, spec.images ?? {}, ordered);
  context.throwIfProblems();

  return {
    file: document.file,
    metadata,
    engine: {
      manage: spec.engine?.manage ?? true,
      ...(spec.engine?.version ? { version: spec.engine.version } : {}),
      path: ['engine'],
    },
    registries,
    networks,
    volumes,
    images,
    secrets,
    containers: ordered,
    chef: chefOptions(spec['x-chef'] ?? {}, metadata.name),
    puppet: puppetOptions(spec['x-puppet'] ?? {}, metadata.name),
  };
}

function normalizeMetadata(context: NormalizeContext, spec: Spec): Metadata {
  for (const [field, name] of [
    ['name', spec.name],
    ['x-chef', spec['x-chef']?.cookbook_name],
    ['x-puppet', spec['x-puppet']?.module_name],
  ] as const) {
    const problem = name === undefined ? undefined : moduleNameProblem(name);
    if (problem) {
      const path =
        field === 'name' ? ['name'] : [field, field === 'x-chef' ? 'cookbook_name' : 'module_name'];
      context.report(
        'BERTH-SPEC-NAME',
        { kind: 'module', name, problem, nameHint: 'choose another name, e.g. myapp_containers' },
        path,
      );
    }
  }

  return {
    name: spec.name,
    version: spec.version,
    author: spec.author,
    maintainer: spec.maintainer ?? spec.author,
    ...(spec.maintainer_email ? { maintainerEmail: spec.maintainer_email } : {}),
    ...(spec.license ? { license: spec.license } : {}),
    summary: spec.summary ?? `Docker containers of ${spec.name}`,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.source_url ? { sourceUrl: spec.source_url } : {}),
    ...(spec.issues_url ? { issuesUrl: spec.issues_url } : {}),
  };
}

function normalizeSecrets(spec: Spec, moduleName: string): Secret[] {
  const cookbook = spec['x-chef']?.cookbook_name ?? moduleName;
  const module = spec['x-puppet']?.module_name ?? moduleName;
  return Object.entries((spec.secrets ?? {}) as Spec).map(([name, secret]) => ({
    name,
    chef: secret?.chef?.attribute
      ? { kind: 'attribute', attribute: secret.chef.attribute }
      : {
          kind: 'data_bag',
          bag: secret?.chef?.data_bag ?? cookbook,
          item: secret?.chef?.item ?? 'secrets',
          key: secret?.chef?.key ?? name,
        },
    puppet: { hiera: secret?.puppet?.hiera ?? `${module}::secrets::${name}` },
    path: ['secrets', name],
  }));
}

function keyValues(map: Spec | undefined, path: YamlPath): KeyValue[] {
  return Object.entries(map ?? {}).map(([name, value]) => ({
    name,
    value: String(value),
    path: childPath(path, name),
  }));
}

function normalizeNetworks(context: NormalizeContext, networks: Spec): Network[] {
  return Object.entries(networks).map(([name, network]) => {
    const path = ['networks', name];
    const config: Spec[] = network?.ipam?.config ?? [];
    const external = network?.external === true;
    if (predefinedNetworks.has(name) && !external) {
      context.report(
        'BERTH-SPEC-NAME',
        {
          kind: 'network',
          name,
          problem: 'is a network Docker creates itself',
          nameHint: `use network_mode: ${name === 'default' ? 'bridge' : name} on the container`,
        },
        path,
        true,
      );
    }
    return {
      name,
      ...(network?.driver ? { driver: network.driver } : {}),
      subnets: config.flatMap((c) => (c.subnet ? [c.subnet] : [])),
      gateways: config.flatMap((c) => (c.gateway ? [c.gateway] : [])),
      ipRanges: config.flatMap((c) => (c.ip_range ? [c.ip_range] : [])),
      ...(network?.ipam?.driver ? { ipamDriver: network.ipam.driver } : {}),
      internal: network?.internal === true,
      enableIpv6: network?.enable_ipv6 === true,
      options: keyValues(network?.driver_opts, childPath(path, 'driver_opts')),
      external,
      path,
    };
  });
}

function normalizeVolumes(volumes: Spec): NamedVolume[] {
  return Object.entries(volumes).map(([name, volume]) => ({
    name,
    ...(volume?.driver ? { driver: volume.driver } : {}),
    options: keyValues(volume?.driver_opts, ['volumes', name, 'driver_opts']),
    external: volume?.external === true,
    path: ['volumes', name],
  }));
}

function normalizeRegistries(registries: Spec): Registry[] {
  return Object.entries(registries).map(([name, registry]) => ({
    name,
    server: registry.server,
    ...(registry.username ? { username: registry.username } : {}),
    ...(registry.password
      ? { password: { secret: registry.password.secret, path: ['registries', name, 'password'] } }
      : {}),
    path: ['registries', name],
  }));
}

function checkSecretReferences(
  context: NormalizeContext,
  registries: Registry[],
  secrets: Set<string>,
): void {
  for (const registry of registries) {
    if (registry.password && !secrets.has(registry.password.secret)) {
      context.report(
        'BERTH-SPEC-REFERENCE',
        { kind: 'secret', name: registry.password.secret, section: 'secrets', suggestion: '' },
        registry.password.path,
      );
    }
  }
}

/** Two containers whose names differ only in `.` against `_` would share generated names. */
function checkIdentifiers(context: NormalizeContext, containers: Container[]): void {
  const seen = new Map<string, string>();
  for (const container of containers) {
    const identifier = identifierOf(container.name);
    const first = seen.get(identifier);
    if (first !== undefined) {
      context.report(
        'BERTH-SPEC-NAME-COLLISION',
        { kind: 'container', first, second: container.name, identifier },
        container.path,
        true,
      );
    }
    seen.set(identifier, container.name);
  }
}

const pullStrength: Record<PullPolicy, number> = { never: 0, missing: 1, always: 2 };

/**
 * One entry per distinct image. When containers that share an image ask for different pull
 * policies, the most eager one wins, since a single pull serves them all.
 */
function collectImages(context: NormalizeContext, images: Spec, containers: Container[]): Image[] {
  const byKey = new Map<string, Image>();
  const add = (image: Image) => {
    const existing = byKey.get(image.key);
    if (!existing) {
      byKey.set(image.key, image);
      return;
    }
    existing.usedBy.push(...image.usedBy);
    if (pullStrength[image.pullPolicy] > pullStrength[existing.pullPolicy]) {
      existing.pullPolicy = image.pullPolicy;
    }
  };

  for (const [name, image] of Object.entries(images)) {
    const path = ['images', name, 'image'];
    const ref = context.parse(path, () => parseImageReference(image.image));
    if (!ref) continue;
    const pullPolicy: PullPolicy = image.pull_policy ?? 'missing';
    add({ key: canonicalImage(ref), ref, pullPolicy, usedBy: [], path: ['images', name] });
  }
  for (const container of containers) {
    add({
      key: container.imageKey,
      ref: container.image,
      pullPolicy: container.pullPolicy,
      usedBy: [container.name],
      path: fieldPath(container, 'image'),
    });
  }
  return [...byKey.values()];
}

function chefOptions(options: Spec, name: string): ChefOptions {
  return {
    cookbookName: options.cookbook_name ?? name,
    chefVersion: options.chef_version ?? '>= 16.0',
    dockerCookbookVersion: options.docker_cookbook_version ?? '~> 11.10',
    supports: options.supports ?? dockerCookbookPlatforms,
  };
}

function puppetOptions(options: Spec, name: string): PuppetOptions {
  return {
    moduleName: options.module_name ?? name,
    restartMode: options.restart_mode ?? 'systemd',
    puppetVersion: options.puppet_version ?? '>= 7.0.0 < 9.0.0',
    dockerModuleVersion: options.docker_module_version ?? '>= 10.0.0 < 11.0.0',
    stdlibVersion: options.stdlib_version ?? '>= 9.0.0 < 11.0.0',
    operatingSystems:
      options.operatingsystem_support?.map((os: Spec) => ({
        name: os.operatingsystem,
        releases: os.operatingsystemrelease ?? [],
      })) ?? dockerModuleSystems,
  };
}
