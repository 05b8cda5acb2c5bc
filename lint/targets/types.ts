import type { ResourceKind } from '../extract/types.js';

/**
 * What one Chef resource, Puppet defined type, Puppet type or Puppet class accepts: the
 * properties or parameters, their aliases, and the names older releases used. Later rules
 * (types of values, deprecations) read the same data as `unknown-attribute`.
 */
export interface TargetType {
  dialect: 'chef' | 'puppet';
  /** `docker_container`, `docker::run`, `docker_network`; a Puppet class by its name. */
  type: string;
  /** Puppet classes are declared `class { 'docker': }` or `include docker`. */
  isClass: boolean;
  kind: ResourceKind;
  /** The property or parameter the title sets when it is not written. */
  titleProperty?: string;
  properties: ReadonlyMap<string, Property>;
  /** Alias to the property it sets: Chef's `volume` sets `volumes`. */
  aliases: ReadonlyMap<string, string>;
  /** Chef methods that set other properties: `image 'repo:tag'`, `port '80:8080'`. */
  methods: ReadonlySet<string>;
  /** Names that no longer exist, with what replaced them. */
  legacy: ReadonlyMap<string, Legacy>;
  /** Chef: the actions the resource takes, `nothing` included. Puppet types have none. */
  actions?: ReadonlySet<string>;
}

export interface Property {
  name: string;
  /** The accepted types as the target spells them: `String`, `Array`, `Boolean`, `nil`... */
  types: readonly string[];
  /** Set by the target itself; recipes are not meant to set it. */
  internal?: boolean;
}

export interface Legacy {
  name: string;
  /** The name to use instead; absent when the feature went away. */
  replacement?: string;
  /** The release of the cookbook or module that removed the name. */
  removedIn: string;
}
