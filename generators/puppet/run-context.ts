import type { Container, Model, YamlPath } from '../../model/types.js';
import type { PuppetValue } from '../quote/puppet.js';
import type { Notes } from './notes.js';

/** One `docker::run` parameter: its value and the berth field it comes from. */
export interface Attribute {
  name: string;
  value: PuppetValue;
  /** The berth field the value was derived from, named in notes when x-puppet replaces it. */
  field?: string;
}

/** What every builder of one container's parameters reads. */
export interface RunContext {
  model: Model;
  container: Container;
  notes: Notes;
  /** `systemd` (unit mode) or `docker` (the module's restart mode). */
  mode: Model['puppet']['restartMode'];
}

/** The YAML path of a container field as written, or of the container when it is implicit. */
export function fieldPath(container: Container, field: string): YamlPath {
  return container.fieldPaths[field] ?? container.path;
}
