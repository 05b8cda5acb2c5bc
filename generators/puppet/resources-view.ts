/**
 * The resources around the containers: the Docker engine (class `docker`), registry logins,
 * networks, volumes, and images that no container runs.
 */
import type { ImageRef, KeyValue, Model, Network, Registry } from '../../model/types.js';
import {
  PuppetCode,
  puppetReference,
  puppetString,
  renderAttributes,
  type LintCheck,
  type PuppetValue,
} from '../quote/puppet.js';
import type { Findings } from './run-context.js';
import { registryUsername } from './shell.js';

/** A resource declaration; its body is already laid out, parameter lines at `indent`. */
export interface ResourceView {
  type: string;
  title: string;
  /** The parameter lines, or '' for a resource declared without parameters. */
  body: string;
}

export interface RegistryView {
  /** `$<variable>` holds the Sensitive password, when the registry has one. */
  variable: string;
  lookup: PuppetCode;
  resource: ResourceView;
}

type Attributes = [string, PuppetValue][];

/**
 * Lays out a resource body. Bodies are rendered here rather than looped over in the template:
 * with ten thousand containers, one string per resource keeps the renderer fast.
 */
export function resource(
  type: string,
  title: string,
  attributes: Attributes,
  trips: Set<LintCheck>,
  indent = '  ',
): ResourceView {
  const list = attributes.map(([name, value]) => ({ name, value }));
  return { type, title, body: renderAttributes(list, { indent, trips }) };
}

/**
 * Class `docker` is declared even when berth does not manage the engine: every `docker::run`
 * reads `$docker::service_name` and `$docker::docker_group`. Unmanaged, it installs nothing,
 * adds no package source and leaves the service and its configuration files alone.
 */
export function engineView(model: Model, { notes, trips }: Findings): ResourceView {
  const { engine } = model;
  if (engine.manage) {
    if (engine.version) noteEngineVersion(model, notes);
    const attributes: Attributes = engine.version ? [['version', engine.version]] : [];
    return resource('class', 'docker', attributes, trips);
  }
  notes.approximate(
    [...engine.path, 'manage'],
    'engine.manage: false',
    'class docker is still declared, with package, package source, service and service ' +
      'configuration management turned off; on RedHat it still writes ' +
      '/etc/sysconfig/docker-storage-setup',
    'nothing to do when that file is acceptable; otherwise manage the engine with berth',
  );
  return resource(
    'class',
    'docker',
    [
      ['manage_package', false],
      ['manage_service', false],
      ['use_upstream_package_source', false],
      ['prerequired_packages', []],
      ['service_config', false],
      ['service_overrides_template', false],
    ],
    trips,
  );
}

/** class docker hands `version` to the package resource, which wants the OS package version. */
function noteEngineVersion(model: Model, notes: Findings['notes']): void {
  if (!/^\d+(\.\d+)*$/.test(model.engine.version!)) return;
  notes.approximate(
    [...model.engine.path, 'version'],
    `engine.version: ${model.engine.version}`,
    'class docker passes the version to the package resource as is, and Debian or RedHat ' +
      'packages of Docker carry longer versions (5:27.3.1-1~debian.12~bookworm), so a bare ' +
      'version matches no package',
    "write the full package version of the nodes' OS, or leave the version out",
  );
}

/**
 * Registries with a user name and a password become `docker::registry`. The password is read
 * from Hiera as Sensitive and unwrapped for the module's `Optional[String]` parameter.
 */
export function registryViews(model: Model, { notes, trips }: Findings): RegistryView[] {
  return model.registries.flatMap((registry) => {
    if (!registry.username || !registry.password) {
      noteAnonymous(registry, notes);
      return [];
    }
    const secret = model.secrets.find((s) => s.name === registry.password!.secret)!;
    const variable = `${registry.name}_registry_password`;
    notePassword(registry, notes);
    return [
      {
        variable,
        lookup: new PuppetCode(`Sensitive(lookup(${puppetString(secret.puppet.hiera)}, String))`),
        resource: resource(
          'docker::registry',
          registry.name,
          [
            ['server', registry.server],
            ['username', registryUsername(registry.username)],
            ['password', new PuppetCode(`$${variable}.unwrap`)],
          ],
          trips,
        ),
      },
    ];
  });
}

function noteAnonymous(registry: Registry, notes: Findings['notes']): void {
  notes.differs(
    registry.path,
    `declares no docker::registry for ${registry.name}: without a user name and a password the ` +
      'module runs an interactive `docker login`, which fails on an agent; images are pulled ' +
      'without logging in',
    'add username and password (a secret) to log in to this registry',
  );
}

function notePassword(registry: Registry, notes: Findings['notes']): void {
  notes.approximate(
    registry.password!.path,
    `the password of registry ${registry.name}`,
    'docker::registry takes the password as a plain String, so it is unwrapped from Sensitive ' +
      'and appears in the compiled catalog and in reports',
    'keep catalogs and reports readable only by administrators; log in out of band to avoid it',
  );
}

function options(entries: KeyValue[]): string[] {
  return entries.map((entry) => `${entry.name}=${entry.value}`);
}

/** One value or a list, as the docker_network provider takes either. */
function oneOrMany(values: string[]): PuppetValue {
  return values.length === 1 ? values[0]! : values;
}

export function networkViews(model: Model, { trips }: Findings): ResourceView[] {
  return model.networks.filter((n) => !n.external).map((n) => networkView(n, trips));
}

function networkView(network: Network, trips: Set<LintCheck>): ResourceView {
  const attributes: Attributes = [['ensure', 'present']];
  if (network.driver) attributes.push(['driver', network.driver]);
  if (network.subnets.length > 0) attributes.push(['subnet', oneOrMany(network.subnets)]);
  if (network.gateways.length > 0) attributes.push(['gateway', oneOrMany(network.gateways)]);
  if (network.ipRanges.length > 0) attributes.push(['ip_range', oneOrMany(network.ipRanges)]);
  if (network.ipamDriver) attributes.push(['ipam_driver', network.ipamDriver]);
  if (network.options.length > 0) attributes.push(['options', options(network.options)]);
  const flags = [network.internal ? '--internal' : '', network.enableIpv6 ? '--ipv6' : ''];
  if (flags.some(Boolean)) attributes.push(['additional_flags', flags.filter(Boolean)]);
  attributes.push(['require', puppetReference('Class', 'docker')]);
  return resource('docker_network', network.name, attributes, trips);
}

export function volumeViews(model: Model, { trips }: Findings): ResourceView[] {
  return model.volumes
    .filter((volume) => !volume.external)
    .map((volume) => {
      const attributes: Attributes = [['ensure', 'present']];
      if (volume.driver) attributes.push(['driver', volume.driver]);
      if (volume.options.length > 0) attributes.push(['options', options(volume.options)]);
      attributes.push(['require', puppetReference('Class', 'docker')]);
      return resource('docker_volume', volume.name, attributes, trips);
    });
}

/** `repository@digest` when pinned (Docker ignores a tag beside a digest), else `:tag`. */
export function imageReference(ref: ImageRef): string {
  return ref.digest
    ? `${ref.repository}@${ref.digest}`
    : `${ref.repository}:${ref.tag ?? 'latest'}`;
}

/**
 * Images of `images:` that no container runs. They are declared like the containers' images,
 * through `ensure_resource` with the same parameters, so one reference is never declared twice.
 */
export function standaloneImages(model: Model, { notes }: Findings): string[] {
  return model.images
    .filter((image) => image.usedBy.length === 0 && image.pullPolicy !== 'never')
    .map((image) => {
      if (image.pullPolicy === 'always' && !image.ref.digest) {
        notes.approximate(
          [...image.path, 'pull_policy'],
          'pull_policy: always for an image no container runs',
          'it is pulled only when missing: docker::image with ensure latest reports a change on ' +
            'every run (puppetlabs-docker #627)',
          'pin a tag or digest and change it to pull a new image',
        );
      }
      return imageReference(image.ref);
    });
}
