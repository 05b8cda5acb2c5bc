import type { DockerResource, ResolvedAttribute } from '../extract/index.js';
import type { Rule } from '../rule.js';

/**
 * A property or parameter the docker cookbook 11.x or puppetlabs-docker 10.x does not have:
 * Chef stops with a NoMethodError, Puppet with "Invalid parameter". Names that older releases
 * had (the 2015 cookbook's `net`, `link`...) are left to deprecated-chef-property and
 * deprecated-puppet-parameter, which say what replaced them: one finding per attribute.
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
  return undefined;
}

function ownerOf(resource: DockerResource): { noun: string; name: string } {
  if (resource.dialect === 'chef') {
    return { noun: 'property', name: resource.type };
  }
  const name = resource.target.isClass ? `class ${resource.target.type}` : resource.type;
  return { noun: 'parameter', name };
}
