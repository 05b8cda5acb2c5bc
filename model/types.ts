/**
 * The model: one explicit, typed description of everything a berth file declares. Generators
 * read only this; it holds no YAML and no defaults left implicit. Every item keeps the YAML path
 * it came from (`path`) so that a generator can point a warning at the line that caused it.
 *
 * Units are fixed: durations in milliseconds, sizes in bytes, CPU in whole or fractional CPUs.
 * Lists keep the order of the file; maps written as YAML mappings keep their key order.
 */

/** A YAML path as segments, e.g. `['containers', 'web', 'ports', 0]`. */
export type YamlPath = readonly (string | number)[];

export interface Model {
  /** The file the model was read from, as given on the command line. */
  file: string;
  metadata: Metadata;
  engine: Engine;
  registries: Registry[];
  networks: Network[];
  volumes: NamedVolume[];
  /** Every distinct image to pull: those of `images:` and those the containers use. */
  images: Image[];
  secrets: Secret[];
  /** In dependency order (`depends_on` first), ties broken by the order of the file. */
  containers: Container[];
  chef: ChefOptions;
  puppet: PuppetOptions;
}

export interface Metadata {
  /** Cookbook and module name: `^[a-z][a-z0-9_]*$`, not a reserved word. */
  name: string;
  version: string;
  /** Puppet Forge namespace (`author-name` in metadata.json). */
  author: string;
  maintainer: string;
  maintainerEmail?: string;
  /** SPDX id; absent means each target's own default ('All Rights Reserved', 'proprietary'). */
  license?: string;
  summary: string;
  description?: string;
  sourceUrl?: string;
  issuesUrl?: string;
}

export interface Engine {
  /** Whether the generated code installs and starts the Docker engine. */
  manage: boolean;
  /** A Docker engine version to pin, when `manage` is true. */
  version?: string;
  path: YamlPath;
}

/** A reference to a secret declared under `secrets:`. Never a literal in generated files. */
export interface SecretRef {
  secret: string;
  path: YamlPath;
}

export interface Secret {
  name: string;
  chef: ChefSecretSource;
  /** A Hiera key; the generated class parameter is `Sensitive[String]`. */
  puppet: { hiera: string };
  path: YamlPath;
}

export type ChefSecretSource =
  | { kind: 'data_bag'; bag: string; item: string; key: string }
  | { kind: 'attribute'; attribute: string[] };

export interface Registry {
  name: string;
  /** Host with optional port, or a URL, as `docker login` takes it. */
  server: string;
  username?: string;
  password?: SecretRef;
  path: YamlPath;
}

export interface Network {
  name: string;
  driver?: string;
  subnets: string[];
  gateways: string[];
  ipRanges: string[];
  ipamDriver?: string;
  internal: boolean;
  enableIpv6: boolean;
  options: KeyValue[];
  /** Declared elsewhere (`external: true`): used by containers but never created. */
  external: boolean;
  path: YamlPath;
}

export interface NamedVolume {
  name: string;
  driver?: string;
  options: KeyValue[];
  external: boolean;
  path: YamlPath;
}

export interface KeyValue {
  name: string;
  value: string;
  path: YamlPath;
}

/** An image reference split into its parts. */
export interface ImageRef {
  /** Everything before the tag or digest, registry host included: `ghcr.io/acme/api`. */
  repository: string;
  /** The registry host when the first path segment names one (`ghcr.io`, `localhost:5000`). */
  registry?: string;
  /** Absent when the file gives neither a tag nor a digest (Docker then means `latest`). */
  tag?: string;
  /** `sha256:...` when pinned by digest. */
  digest?: string;
  /** The reference as written. */
  reference: string;
}

export type PullPolicy = 'always' | 'missing' | 'never';

export interface Image {
  /** The canonical reference: `repository[:tag][@digest]`. */
  key: string;
  ref: ImageRef;
  pullPolicy: PullPolicy;
  /** Containers that run this image, in file order. */
  usedBy: string[];
  path: YamlPath;
}

export interface EnvironmentVariable {
  name: string;
  value: string | SecretRef;
  path: YamlPath;
}

export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface PortRange {
  start: number;
  end: number;
}

export interface PortMapping {
  target: PortRange;
  /** Absent: Docker picks a random host port. */
  published?: PortRange;
  hostIp?: string;
  protocol: Protocol;
  path: YamlPath;
}

export type Mount =
  | { type: 'bind'; source: string; target: string; readOnly: boolean; path: YamlPath }
  | { type: 'volume'; source: string; target: string; readOnly: boolean; path: YamlPath }
  | { type: 'anonymous'; target: string; path: YamlPath };

export interface Tmpfs {
  target: string;
  /** Mount options as `docker run --tmpfs` takes them, e.g. `size=64m,mode=1777`. */
  options?: string;
  path: YamlPath;
}

export type RestartPolicy = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface Restart {
  policy: RestartPolicy;
  /** Only with `on-failure`. */
  maxRetries?: number;
  path: YamlPath;
}

export type HealthTest =
  /** Exec form: run argv directly (`CMD`). */
  | { kind: 'exec'; argv: string[] }
  /** Shell form: run through `/bin/sh -c` (`CMD-SHELL`). */
  | { kind: 'shell'; command: string };

export interface Healthcheck {
  /** `disable: true` or `test: [NONE]`: turn off a healthcheck the image defines. */
  disabled: boolean;
  test?: HealthTest;
  intervalMs?: number;
  timeoutMs?: number;
  retries?: number;
  startPeriodMs?: number;
  path: YamlPath;
}

export interface NetworkAttachment {
  name: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  path: YamlPath;
}

export interface ExtraHost {
  host: string;
  ip: string;
  path: YamlPath;
}

export interface Device {
  host: string;
  container: string;
  /** cgroup permissions, `rwm` by default. */
  permissions: string;
  path: YamlPath;
}

export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
  path: YamlPath;
}

export interface Logging {
  driver: string;
  options: KeyValue[];
  path: YamlPath;
}

export type DependencyCondition =
  'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency {
  name: string;
  condition: DependencyCondition;
  path: YamlPath;
}

/** A value set through `x-chef` or `x-puppet`, passed to that target as written. */
export interface PassThrough {
  name: string;
  value: unknown;
  path: YamlPath;
}

export interface Container {
  name: string;
  image: ImageRef;
  /** The `Model.images` entry this container runs. */
  imageKey: string;
  pullPolicy: PullPolicy;
  /** argv; a string command in the file is split the way a shell would split it. */
  command?: string[];
  entrypoint?: string[];
  environment: EnvironmentVariable[];
  /** Files on the node whose `KEY=value` lines are added to the environment. */
  envFiles: string[];
  ports: PortMapping[];
  /** Container ports exposed without publishing, as `80/tcp`. */
  expose: { port: PortRange; protocol: Protocol; path: YamlPath }[];
  mounts: Mount[];
  tmpfs: Tmpfs[];
  restart?: Restart;
  healthcheck?: Healthcheck;
  labels: KeyValue[];
  user?: string;
  workingDir?: string;
  hostname?: string;
  domainname?: string;
  /** User-defined networks to join; the first is the one the container is created on. */
  networks: NetworkAttachment[];
  /** `bridge`, `host`, `none` or `container:<name>`; absent means Docker's default. */
  networkMode?: string;
  dns: string[];
  dnsSearch: string[];
  extraHosts: ExtraHost[];
  capAdd: string[];
  capDrop: string[];
  privileged: boolean;
  readOnly: boolean;
  securityOpt: string[];
  devices: Device[];
  /** `host` to share the host's PID namespace; `container:<name>`. */
  pid?: string;
  /** `host`, `shareable`, `private`, `container:<name>`. */
  ipc?: string;
  usernsMode?: string;
  memoryBytes?: number;
  /** -1 means unlimited swap. */
  memorySwapBytes?: number;
  memoryReservationBytes?: number;
  shmSizeBytes?: number;
  cpus?: number;
  cpuShares?: number;
  cpuset?: string;
  pidsLimit?: number;
  logging?: Logging;
  stopSignal?: string;
  stopGracePeriodMs?: number;
  ulimits: Ulimit[];
  sysctls: KeyValue[];
  init?: boolean;
  tty: boolean;
  stdinOpen: boolean;
  /** Containers that must be started first. */
  dependsOn: Dependency[];
  chef: PassThrough[];
  puppet: PassThrough[];
  path: YamlPath;
  /** The fields the file writes for this container; `fieldPath()` turns one into a path. */
  written: readonly string[];
}

export interface ChefOptions {
  /** Defaults to `Metadata.name`. */
  cookbookName: string;
  chefVersion: string;
  /** The `depends 'docker'` constraint. */
  dockerCookbookVersion: string;
  supports: string[];
}

export interface PuppetOptions {
  /** Defaults to `Metadata.name`. */
  moduleName: string;
  /**
   * `systemd`: the module's default, a systemd unit per container that recreates it on every
   * start, so every change applies. `docker`: Docker's own restart policy (the module's
   * "restart mode"), which only notices changes to image, volumes and ports.
   */
  restartMode: 'systemd' | 'docker';
  puppetVersion: string;
  dockerModuleVersion: string;
  stdlibVersion: string;
  operatingSystems: { name: string; releases: string[] }[];
}
