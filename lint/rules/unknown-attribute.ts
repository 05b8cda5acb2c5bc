import type { DockerResource, ResolvedAttribute } from '../extract/index.js';
import type { Rule } from '../rule.js';

/**
 * A property or parameter the docker cookbook 11.x or puppetlabs-docker 10.x does not have:
 * Chef stops with a NoMethodError, Puppet with "Invalid parameter". Names that older releases
 * had (the 2015 cookbook's `net`, `link`...) say what replaced them.
 */
export const rule: Rule = {
  id: 'unknown-attribute',
  severity: 'error',
  description: 'a resource sets a property or parameter its type does not have',
  tags: ['correctness'],
  anchors: [],
  check(file, report) {
    for (const resource of file.resources) {
      for (const resolved of resource.attributes) {
        const message = messageFor(resource, resolved);
        if (!message) continue;
        const { attribute } = resolved;
        report({
          span: attribute.nameSpan,
          message,
          resource,
          attribute: attribute.name,
          value: '',
        });
      }
    }
  },
};

function messageFor(
  resource: DockerResource,
  { attribute, meaning }: ResolvedAttribute,
): string | undefined {
  const owner = ownerOf(resource);
  if (meaning.status === 'unknown') {
    const hint = meaning.suggestion ? `; did you mean "${meaning.suggestion}"` : '';
    return `unknown ${owner.noun} "${attribute.name}" for ${owner.name}${hint}`;
  }
  if (meaning.status === 'legacy') {
    const { replacement, removedIn } = meaning.legacy;
    const instead = replacement ? `; use "${replacement}"` : ' with no replacement';
    const removed = `was removed from ${owner.name} in ${owner.release} ${removedIn}`;
    return `${owner.noun} "${attribute.name}" ${removed}${instead}`;
  }
  return undefined;
}

function ownerOf(resource: DockerResource): { noun: string; name: string; release: string } {
  if (resource.dialect === 'chef') {
    return { noun: 'property', name: resource.type, release: 'the docker cookbook' };
  }
  const name = resource.target.isClass ? `class ${resource.target.type}` : resource.type;
  return { noun: 'parameter', name, release: 'puppetlabs-docker' };
}
