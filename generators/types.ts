import type { Code } from '../diagnostics/catalogue.js';
import type { Data, Severity } from '../diagnostics/diagnostic.js';
import type { Model, YamlPath } from '../model/types.js';

/** One file of a generated tree. `path` is relative to the target's root, with `/`. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/**
 * Something a target could not express exactly. The CLI turns it into a located warning
 * (an error under `--strict`); nothing is dropped without one.
 */
export interface TranslationNote {
  /** A BERTH-GEN-* warning, or an error such as an `x-chef` key the target does not have. */
  code: Code;
  severity: Severity;
  data: Data;
  /** The YAML path of the field concerned. */
  path: YamlPath;
  /** Point at the key of the entry (an unknown name) rather than at its value. */
  atKey?: boolean;
}

export interface RenderResult {
  /** Where the tree goes below `--out`, e.g. `chef/codeit`. */
  root: string;
  files: GeneratedFile[];
  notes: TranslationNote[];
}

export type Support = 'yes' | 'partial' | 'no';

/** How a target carries one field of the berth file: the rows of the support matrix. */
export interface FieldMapping {
  support: Support;
  /** What the field becomes, e.g. `docker_container.port` or `docker::run extra_parameters`. */
  via: string;
  note?: string;
}

/** A generation target: a folder under `generators/` plus one line in `generators/index.ts`. */
export interface Target {
  name: string;
  description: string;
  /** Keyed by the field's YAML name under a container (`ports`, `healthcheck.retries`, ...). */
  fields: Record<string, FieldMapping>;
  render(model: Model): RenderResult;
}
