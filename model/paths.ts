import type { Container, YamlPath } from './types.js';

/**
 * The YAML path of a field of a container, for pointing a warning at it: the field itself when
 * the file writes it, else the container (a warning about a default the file left implicit).
 * Built on demand, since a model of 100,000 containers should not hold a path for every field.
 */
export function fieldPath(container: Container, field: string): YamlPath {
  return container.written.includes(field) ? [...container.path, field] : container.path;
}
