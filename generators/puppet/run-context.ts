import type { Container, Model, Secret } from '../../model/types.js';
import {
  puppetReference,
  type LintCheck,
  type PuppetCode,
  type PuppetValue,
} from '../quote/puppet.js';
import type { Notes } from './notes.js';
import { fieldPath } from '../../model/paths.js';

/** One `docker::run` parameter: its value and the berth field it comes from. */
export interface Attribute {
  name: string;
  value: PuppetValue;
  /** The berth field the value was derived from, named in notes when x-puppet replaces it. */
  field?: string;
}

/** What the view builders collect besides the view: notes, and lint checks literals trip. */
export interface Findings {
  notes: Notes;
  trips: Set<LintCheck>;
}

/** Lookups over the whole model, made once rather than once per container. */
export interface ModelIndex {
  /** Networks and volumes declared `external`: used, never created, so never required. */
  externalNetworks: Set<string>;
  externalVolumes: Set<string>;
  secrets: Map<string, Secret>;
  /** `Type['title']`, made once per resource however many containers require it. */
  reference(type: string, title: string): PuppetCode;
}

export function indexModel(model: Model): ModelIndex {
  return {
    externalNetworks: new Set(model.networks.filter((n) => n.external).map((n) => n.name)),
    externalVolumes: new Set(model.volumes.filter((v) => v.external).map((v) => v.name)),
    secrets: new Map(model.secrets.map((secret) => [secret.name, secret])),
    reference: memoizedReferences(),
  };
}

function memoizedReferences(): ModelIndex['reference'] {
  const made = new Map<string, PuppetCode>();
  return (type, title) => {
    const key = `${type}\u0000${title}`;
    let reference = made.get(key);
    if (!reference) made.set(key, (reference = puppetReference(type, title)));
    return reference;
  };
}

/** What every builder of one container's parameters reads. */
export interface RunContext {
  model: Model;
  index: ModelIndex;
  container: Container;
  /** The container's name as a Puppet identifier, the stem of its variables (`$<it>_image`). */
  variable: string;
  notes: Notes;
  trips: Set<LintCheck>;
  /** `systemd` (unit mode) or `docker` (the module's restart mode). */
  mode: Model['puppet']['restartMode'];
}

export { fieldPath };
