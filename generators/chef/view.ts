import { basename } from 'node:path';

import type { ChefSecretSource, Image, Model, Network, NamedVolume } from '../../model/types.js';
import { generatedHeader } from '../header.js';
import { rubyNodePath } from '../quote/ruby.js';
import { shellJoin } from '../quote/shell.js';
import { containerCode, containersVariable, type ContainerCode } from './code.js';
import { containerContext, containerView, pullActions, tagOf } from './containers.js';
import { Notes } from './notes.js';
import type { Property } from './ports.js';

export interface CookbookView {
  header: { ruby: string; markdown: string };
  cookbook: string;
  /** `containers = node[<cookbook>]['containers']`, when there are containers to read. */
  containersVariable?: string;
  metadata: MetadataView;
  engine: { manage: boolean; version?: string };
  registries: RegistryView[];
  networks: { name: string; properties: Property[] }[];
  volumes: { name: string; properties: Property[] }[];
  images: StandaloneImage[];
  containers: ContainerCode[];
  checks: { images: { repo: string; tag: string }[]; commands: string[] };
  readme: ReadmeView;
  kitchen: KitchenView;
}

interface MetadataView {
  lines: Property[];
  supports: string[];
  dockerVersion: string;
}

interface RegistryView {
  server: string;
  username?: string;
  password: ChefSecretSource;
}

interface StandaloneImage {
  key: string;
  repo: string;
  tag: string;
  action?: string;
}

interface ReadmeView {
  summary: string;
  description?: string;
  source: string;
  secrets: { name: string; source: ChefSecretSource }[];
  anonymousRegistries: string[];
  differences: { path: string; text: string }[];
  example?: { container: string; tag: string };
}

interface KitchenView {
  platforms: { name: string; pid: string }[];
  dataBags: boolean;
}

/** One dokken image per platform family that docker cookbook 11.x tests on. */
const kitchenPlatforms: Record<string, { name: string; pid: string }[]> = {
  ubuntu: [{ name: 'ubuntu-24.04', pid: '/bin/systemd' }],
  debian: [{ name: 'debian-12', pid: '/bin/systemd' }],
  centos: [{ name: 'centos-stream-9', pid: '/usr/lib/systemd/systemd' }],
  // No RHEL image can be pulled freely; AlmaLinux is its rebuild.
  redhat: [{ name: 'almalinux-9', pid: '/usr/lib/systemd/systemd' }],
  oracle: [{ name: 'oraclelinux-9', pid: '/usr/lib/systemd/systemd' }],
  fedora: [{ name: 'fedora-latest', pid: '/usr/lib/systemd/systemd' }],
  amazon: [{ name: 'amazonlinux-2023', pid: '/usr/lib/systemd/systemd' }],
  // Scientific Linux reached its end of life and has no image to test on.
  scientific: [],
};

/**
 * Builds everything the templates place, and the notes on what Chef says differently. The
 * parts are built in the order of the file (metadata, registries, networks, images, then the
 * containers), so that the notes come in that order too; the README lists them all.
 */
export function cookbookView(model: Model): { view: CookbookView; notes: Notes } {
  const notes = new Notes();
  const source = basename(model.file);
  const metadata = metadataView(model, notes);
  const registries = registryViews(model, notes);
  const networks = model.networks.filter((n) => !n.external).map((n) => networkView(n, notes));
  const images = standaloneImages(model.images, notes);
  const context = containerContext(model, notes);
  // Each container's view is turned into text at once and dropped, so that only strings stay.
  const defaultsPath = rubyNodePath([context.cookbook, 'containers']).replace(/^node/, 'default');
  const containers = model.containers.map((container) =>
    containerCode(containerView(container, context), defaultsPath),
  );

  const view: CookbookView = {
    header: { ruby: generatedHeader('#', source), markdown: markdownHeader(source) },
    cookbook: model.chef.cookbookName,
    containersVariable:
      containers.length > 0
        ? `${containersVariable} = ${rubyNodePath([model.chef.cookbookName, 'containers'])}`
        : undefined,
    metadata,
    engine: { manage: model.engine.manage, ...optional('version', model.engine.version) },
    registries,
    networks,
    volumes: model.volumes.filter((v) => !v.external).map(volumeView),
    images,
    containers,
    checks: imageChecks(model.images),
    readme: readmeView(model, source, notes),
    kitchen: kitchenView(model),
  };
  return { view, notes };
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function markdownHeader(source: string): string {
  return `<!-- ${generatedHeader('', source).replace(/\n ?/g, ' ').trim()} -->`;
}

function metadataView(model: Model, notes: Notes): MetadataView {
  const meta = model.metadata;
  const line = (name: string, value: string | undefined): Property[] =>
    value === undefined ? [] : [{ name, value }];
  return {
    lines: [
      ...line('name', model.chef.cookbookName),
      ...line('maintainer', meta.maintainer),
      ...line('maintainer_email', meta.maintainerEmail),
      ...line('license', meta.license ?? 'All Rights Reserved'),
      ...line('description', meta.summary),
      ...line('version', chefVersion(meta.version, notes)),
      ...line('chef_version', model.chef.chefVersion),
      ...line('source_url', meta.sourceUrl),
      ...line('issues_url', meta.issuesUrl),
    ],
    supports: model.chef.supports,
    dockerVersion: model.chef.dockerCookbookVersion,
  };
}

/** Chef cookbook versions are MAJOR.MINOR.PATCH only; Chef refuses pre-release suffixes. */
function chefVersion(version: string, notes: Notes): string {
  const [core = version, suffix] = version.split(/(?=[-+])/, 2);
  if (suffix !== undefined) {
    notes.approximate(
      ['version'],
      `Chef cookbook versions are MAJOR.MINOR.PATCH, so the cookbook is version ${core}`,
      'raise the patch version rather than adding a pre-release or build suffix',
    );
  }
  return core;
}

/** The host the cookbook files a login under: the server without scheme or path. */
const loginHost = (server: string) => server.replace(/^https?:\/\//, '').split('/')[0]!;

function registryViews(model: Model, notes: Notes): RegistryView[] {
  const imageHosts = new Set(model.images.map((image) => image.ref.repository.split('/')[0]));
  const secrets = new Map(model.secrets.map((secret) => [secret.name, secret.chef]));

  return model.registries.flatMap((registry) => {
    const password = registry.password && secrets.get(registry.password.secret);
    if (!password) return [];
    const host = loginHost(registry.server);
    if (!imageHosts.has(host)) {
      notes.approximate(
        [...registry.path, 'server'],
        `the cookbook hands these credentials only to images whose repository starts with ` +
          `${host}/, and none does, so no pull uses them`,
        `write the images with the registry in front, e.g. ${host}/team/app:1.0`,
      );
    }
    return [{ server: registry.server, ...optional('username', registry.username), password }];
  });
}

function networkView(network: Network, notes: Notes): { name: string; properties: Property[] } {
  const some = (name: string, values: string[]): Property[] =>
    values.length === 0 ? [] : [{ name, value: values.length === 1 ? values[0]! : values }];
  const properties: Property[] = [
    ...(network.driver ? [{ name: 'driver', value: network.driver }] : []),
    ...(network.options.length > 0
      ? [
          {
            name: 'driver_opts',
            value: Object.fromEntries(network.options.map((o) => [o.name, o.value])),
          },
        ]
      : []),
    ...some('subnet', network.subnets),
    ...some('gateway', network.gateways),
    ...some('ip_range', network.ipRanges),
    ...ipamDriver(network, notes),
    ...(network.enableIpv6 ? [{ name: 'enable_ipv6', value: true }] : []),
    ...(network.internal ? [{ name: 'internal', value: true }] : []),
  ];
  return { name: network.name, properties };
}

/** The cookbook adds the IPAM driver to the IPAM settings of a subnet; with none it fails. */
function ipamDriver(network: Network, notes: Notes): Property[] {
  if (!network.ipamDriver) return [];
  if (network.subnets.length > 0) return [{ name: 'ipam_driver', value: network.ipamDriver }];
  notes.unsupported(
    [...network.path, 'ipam', 'driver'],
    'docker_network sets the IPAM driver only together with a subnet; ' +
      "the network gets Docker's default driver",
    'add an ipam.config entry with a subnet',
  );
  return [];
}

function volumeView(volume: NamedVolume): { name: string; properties: Property[] } {
  const properties: Property[] = [
    ...(volume.driver ? [{ name: 'driver', value: volume.driver }] : []),
    ...(volume.options.length > 0
      ? [{ name: 'opts', value: Object.fromEntries(volume.options.map((o) => [o.name, o.value])) }]
      : []),
  ];
  return { name: volume.name, properties };
}

/** Images of `images:` that no container runs; the containers' own are pulled with them. */
function standaloneImages(images: Image[], notes: Notes): StandaloneImage[] {
  return images
    .filter((image) => image.usedBy.length === 0)
    .map((image) => {
      if (!image.ref.tag && !image.ref.digest) {
        notes.changedDefault(
          [...image.path, 'image'],
          `writes tag 'latest' for ${image.ref.reference}, which names whatever was pushed last`,
          'pin a tag (or a digest) in the image, e.g. nginx:1.27',
        );
      }
      const action = pullActions[image.pullPolicy];
      return {
        key: image.key,
        repo: image.ref.repository,
        tag: tagOf(image.ref),
        ...optional('action', action),
      };
    });
}

/** InSpec checks: by repo and tag, or with `docker image inspect` for a digest. */
function imageChecks(images: Image[]): CookbookView['checks'] {
  const pulled = images.filter((image) => image.usedBy.length > 0 || image.pullPolicy !== 'never');
  return {
    images: pulled
      .filter((image) => !image.ref.digest)
      .map((image) => ({ repo: image.ref.repository, tag: tagOf(image.ref) })),
    commands: pulled
      .filter((image) => image.ref.digest)
      .map((image) =>
        shellJoin(['docker', 'image', 'inspect', `${image.ref.repository}@${image.ref.digest}`]),
      ),
  };
}

function readmeView(model: Model, source: string, notes: Notes): ReadmeView {
  // The secrets some container or registry reads.
  const used = new Set<string>();
  for (const container of model.containers) {
    for (const { value } of container.environment) {
      if (typeof value !== 'string') used.add(value.secret);
    }
  }
  for (const { password } of model.registries) if (password) used.add(password.secret);

  const first = model.containers[0];
  return {
    summary: model.metadata.summary,
    ...optional('description', model.metadata.description?.trim()),
    source,
    secrets: model.secrets
      .filter((s) => used.has(s.name))
      .map((s) => ({ name: s.name, source: s.chef })),
    anonymousRegistries: model.registries.filter((r) => !r.password).map((r) => r.server),
    differences: notes.list.map((note) => ({
      path: note.path.join('.'),
      text: String(note.data.consequence ?? note.data.difference ?? note.data.problem),
    })),
    ...optional('example', first && { container: first.name, tag: tagOf(first.image) }),
  };
}

function kitchenView(model: Model): KitchenView {
  const platforms = model.chef.supports.flatMap((family) => kitchenPlatforms[family] ?? []);
  return {
    // Test Kitchen needs a platform; Ubuntu stands in when none of the families has an image.
    platforms: platforms.length > 0 ? platforms : kitchenPlatforms.ubuntu!,
    dataBags: model.secrets.some((secret) => secret.chef.kind === 'data_bag'),
  };
}
