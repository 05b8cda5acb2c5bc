import type { DockerResource } from '../extract/index.js';
import type { Report, Rule } from '../rule.js';
import { chefRemovedActions } from '../targets/deprecations.js';
import { chefActionValues } from './support.js';

/**
 * Names of the docker cookbook's 0.x releases (2013–2015) and of its early custom resources
 * that later releases removed: `link`, `net`, `restart`, `working_directory`, `image_name` on
 * docker_container, docker_image's `:tag` action... Chef stops with a NoMethodError or an
 * unknown action. Each finding names the replacement and the release that changed it; the
 * lists are in `lint/targets/chef.ts` and `lint/targets/deprecations.ts`. unknown-attribute
 * leaves these names to this rule.
 */
export const rule: Rule = {
  id: 'deprecated-chef-property',
  severity: 'error',
  description: 'a Chef resource uses a property or action the docker cookbook removed',
  tags: ['deprecation'],
  anchors: [],
  check(file, report) {
    for (const resource of file.resources) {
      if (resource.dialect !== 'chef') continue;
      checkProperties(resource, report);
      checkActions(resource, report);
    }
  },
};

function checkProperties(resource: DockerResource, report: Report): void {
  for (const { attribute, meaning } of resource.attributes) {
    if (meaning.status !== 'legacy') continue;
    const { replacement, removedIn } = meaning.legacy;
    const instead = replacement ? `; use "${replacement}"` : ' with no replacement';
    const removed = `was removed from ${resource.type} in the docker cookbook ${removedIn}`;
    report({
      span: attribute.nameSpan,
      message: `property "${attribute.name}" ${removed}${instead}`,
      resource,
      attribute: attribute.name,
      value: '',
    });
  }
}

function checkActions(resource: DockerResource, report: Report): void {
  const removed = chefRemovedActions.get(resource.type);
  const items = chefActionValues(resource);
  if (!removed || !items) return;
  for (const item of items) {
    const named = item.kind === 'symbol' || item.kind === 'string' ? item.value : undefined;
    const gone = removed.find(({ action: name }) => named === name);
    if (!gone) continue;
    report({
      span: item.span,
      message:
        `action :${gone.action} was removed from ${resource.type} in the docker ` +
        `cookbook ${gone.removedIn}; use ${gone.instead}`,
      resource,
      attribute: 'action',
      value: gone.action,
    });
  }
}
