import type { Span } from '../../diagnostics/position.js';
import { parseImageReference } from '../extract/docker-values.js';
import type { DockerResource } from '../extract/index.js';
import type { Rule } from '../rule.js';
import { attributeFor, literalText } from './support.js';

/**
 * `docker_container 'org/app'`: before the docker cookbook's 1.0 rewrite (August 2015) the
 * title was the image; since then it is the container's name, and Docker refuses names with
 * `/`, `:` or `@`. `repo` still defaults to the title, which hides the mistake until the
 * container is created.
 */
export const rule: Rule = {
  id: 'container-named-like-image',
  severity: 'error',
  description: "a Chef container's name is an image reference, which Docker refuses as a name",
  tags: ['correctness', 'deprecation'],
  anchors: [],
  check(file, report) {
    for (const resource of file.resources) {
      if (resource.type !== 'docker_container' || resource.form !== undefined) continue;
      const named = nameOf(resource);
      if (!named || !/[/:@]/.test(named.name)) continue;
      report({
        span: named.span,
        message: messageFor(resource, named.name),
        resource,
        attribute: 'container_name',
        value: named.name,
      });
    }
  },
};

/** The container's name: `container_name` when written, the title otherwise. */
function nameOf(resource: DockerResource): { name: string; span: Span } | undefined {
  const written = attributeFor(resource, 'container_name');
  if (written) {
    const name = literalText(resource, 'container_name');
    return name === undefined ? undefined : { name, span: written.attribute.span };
  }
  const title = resource.title;
  return title.kind === 'string' ? { name: title.value, span: title.span } : undefined;
}

function messageFor(resource: DockerResource, name: string): string {
  const reference = parseImageReference(name);
  const repository = reference?.repository ?? name;
  const suggested = suggestedName(repository);
  const setsImage = ['repo', 'image'].some((property) => attributeFor(resource, property));
  const fix = setsImage
    ? `name it '${suggested}'`
    : `name it '${suggested}' and set ${imageSetting(name, reference?.tag)}`;
  return (
    `container name '${name}' is an image reference, and Docker refuses '/', ':' and ` +
    `'@' in names: ${fix}`
  );
}

/** The last path segment, with characters Docker refuses in names replaced. */
function suggestedName(repository: string): string {
  const last = repository.split('/').pop() ?? repository;
  const cleaned = last.replace(/[^a-zA-Z0-9_.-]/g, '_').replace(/^[^a-zA-Z0-9]+/, '');
  return cleaned === '' ? 'app' : cleaned;
}

function imageSetting(name: string, tag: string | undefined): string {
  return tag === undefined ? `repo '${name}'` : `image '${name}'`;
}
