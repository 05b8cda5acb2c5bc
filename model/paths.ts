import type { Container, YamlPath } from './types.js';

/**
 * `path` followed by `segments`. A model of 100,000 containers holds about a million paths, so
 * each list is exactly as long as it needs to be: `[...path, segment]` would leave room for
 * 16 more, and `path.concat(segment)` takes several times longer to make.
 */
export function childPath(path: YamlPath, ...segments: (string | number)[]): YamlPath {
  const child = new Array<string | number>(path.length + segments.length);
  for (let i = 0; i < path.length; i++) child[i] = path[i]!;
  for (let i = 0; i < segments.length; i++) child[path.length + i] = segments[i]!;
  return child;
}

/**
 * The YAML path of a field of a container, for pointing a warning at it: the field itself when
 * the file writes it, else the container (a warning about a default the file left implicit).
 * Built on demand, since a model of 100,000 containers should not hold a path for every field.
 */
export function fieldPath(container: Container, field: string): YamlPath {
  return container.written.includes(field) ? childPath(container.path, field) : container.path;
}
