import type { Span } from '../../diagnostics/position.js';
import type { Attribute, ResourceDeclaration, Value } from '../../parsers/types.js';
import type { AttributeMeaning, TargetType } from '../targets/index.js';

export type Dialect = 'chef' | 'puppet';

/** Where a resource was written: a Chef recipe, a Puppet manifest, or Hiera data. */
export type SourceKind = 'recipe' | 'manifest' | 'hiera';

export type ResourceKind =
  'container' | 'image' | 'network' | 'volume' | 'registry' | 'engine' | 'other';

/**
 * A docker resource as the rules see it, whatever the dialect: the declaration as written
 * (for rules about syntax), each attribute with what it means to the target, and the facts
 * of its kind.
 */
export interface DockerResource {
  kind: ResourceKind;
  dialect: Dialect;
  source: SourceKind;
  /** `docker_container`, `docker::run`, `docker_network`; `class` for a Puppet class. */
  type: string;
  /** The title as written; a literal string, or unknown when computed. */
  title: Value;
  /** The title for messages and fingerprints: the literal, or the source text. */
  name: string;
  declaration: ResourceDeclaration;
  /**
   * Where findings about the whole resource point: its type name, or its title when one
   * Puppet expression declares several resources (`docker::run { 'a': ...; 'b': ... }`).
   */
  headSpan: Span;
  /** Set when one Puppet expression declares several resources, this one among them. */
  shared?: true;
  /**
   * Chef: a notification in the file (its own `subscribes`, or another resource's `notifies`)
   * runs an action of this resource, as `action :nothing` resources expect.
   */
  triggered?: true;
  target: TargetType;
  attributes: ResolvedAttribute[];
  /**
   * Absent for a declaration. Puppet also sets attributes through resource defaults
   * (`Docker::Run { }`), overrides and collectors; `include` declares a class without
   * attributes.
   */
  form?: ResourceDeclaration['form'] | 'include';
  container?: ContainerFacts;
  image?: ImageFacts;
  registry?: RegistryFacts;
}

export interface ResolvedAttribute {
  attribute: Attribute;
  meaning: AttributeMeaning;
}

/** Where a fact comes from. */
export interface Origin {
  /** The attribute as written: `privileged`, `volume`, `extra_parameters`. */
  attribute: string;
  /** The docker flag, when the fact comes from a flag string: `--cap-add`. */
  flag?: string;
  /** Set inside a conditional or loop of the resource body, so it may not apply. */
  conditional?: boolean;
  /** Not written: the target's default, placed at the resource's type name. */
  defaulted?: boolean;
}

/**
 * One thing a resource says, with the span of the attribute, list item or flag that says it.
 * A value computed at run time is not known, and rules never guess what it would be.
 */
export type Fact<T> =
  | { known: true; value: T; span: Span; origin: Origin }
  | { known: false; text: string; span: Span; origin: Origin };

export interface ImageReference {
  /** `nginx`, `registry.example.com:5000/team/app`. */
  repository: string;
  tag?: string;
  /** `sha256:...`. */
  digest?: string;
  /** The tag is the target's default (Chef's `latest`), not written. */
  defaultTag?: boolean;
}

export interface Mount {
  /** `bind` for a host path, `volume` for a named volume, `anonymous` for neither. */
  type: 'bind' | 'volume' | 'anonymous';
  /** The host path or volume name, as written. */
  source?: string;
  /** The path inside the container. */
  target?: string;
  readOnly: boolean;
}

export interface EnvironmentEntry {
  name: string;
  /** Undefined for `NAME` alone, which passes the host's value through. */
  value?: string;
}

export interface Healthcheck {
  /** The command, for `CMD` and `CMD-SHELL` checks. */
  command?: string;
  /** `--no-healthcheck`, or a `NONE` test. */
  disabled: boolean;
}

export interface MemoryLimit {
  /** As written: `512m`, `1G`, `0b`. */
  raw: string;
  /** In bytes as the target reads it; 0 means no limit; undefined if unreadable. */
  bytes?: number;
}

export interface RestartFacts {
  /**
   * Who brings the container back: Docker's restart policy, or systemd (Puppet's default unit
   * mode, where the unit's `Restart=` applies and a Docker policy is stopped with the unit).
   */
  supervisor: 'docker' | 'systemd' | 'unknown';
  /** Docker restart policies: `restart_policy`, Puppet's `restart`, `--restart`. */
  policy: Fact<string>[];
  /** The systemd `Restart=` value in Puppet's unit mode (`on-failure` unless written). */
  systemd?: Fact<string>;
  maximumRetryCount: Fact<number>[];
}

/** One docker flag of a free-form flag string (`extra_parameters`). */
export interface Flag {
  /** The long name without dashes, aliases resolved: `network` for `--net`, `volume` for `-v`. */
  name: string;
  /** As written: `--net`, `-v`. */
  written: string;
  /** The value: after `=`, or the next word; true for a flag without one. */
  value: Fact<string> | true;
  /** The flag, with its value when that is in the same string. */
  span: Span;
  origin: Origin;
}

export interface ContainerFacts {
  image?: Fact<ImageReference>;
  privileged: Fact<boolean>[];
  /** Network mode: `host`, `bridge`, `none`, `container:<name>`, or a network name. */
  network: Fact<string>[];
  pid: Fact<string>[];
  ipc: Fact<string>[];
  userns: Fact<string>[];
  uts: Fact<string>[];
  /** Capabilities as written (`SYS_ADMIN`, `CAP_NET_ADMIN`, `ALL`). */
  capAdd: Fact<string>[];
  capDrop: Fact<string>[];
  securityOpt: Fact<string>[];
  mounts: Fact<Mount>[];
  /** Host device paths. */
  devices: Fact<string>[];
  environment: Fact<EnvironmentEntry>[];
  /**
   * Published ports as written (`8080:80`, `127.0.0.1:53:53/udp`): Chef's `port`, Puppet's
   * `ports`, `-p`. Chef's `port_bindings` and `exposed_ports` Hashes are not read here.
   */
  ports: Fact<string>[];
  user: Fact<string>[];
  readOnlyRootfs: Fact<boolean>[];
  restart: RestartFacts;
  healthcheck: Fact<Healthcheck>[];
  memory: Fact<MemoryLimit>[];
  /** Every flag of `extra_parameters`, for rules about flags that have no fact above. */
  flags: Flag[];
  /**
   * Whether `extra_parameters` holds words computed at run time (`$flags`, `"${a} ${b}"`),
   * which may be any flag: rules then do not say a setting is missing.
   */
  flagsUnknown: boolean;
}

export interface ImageFacts {
  reference?: Fact<ImageReference>;
}

export interface RegistryFacts {
  server?: Fact<string>;
  username: Fact<string>[];
  password: Fact<string>[];
}
