import { parseImageReference } from '../extract/docker-values.js';
import type { DockerResource, Fact, ImageReference } from '../extract/index.js';
import type { Report, Rule } from '../rule.js';
import { chefPullActions } from '../targets/values.js';
import {
  attributeFor,
  chefActions,
  declaresContainer,
  literalText,
  propertyName,
  reportFact,
} from './support.js';

/**
 * An image without a tag (Docker, the cookbook and the module all take `latest`) or tagged
 * `latest`: what runs changes whenever the registry's `latest` moves, and two nodes can run
 * two different images from the same code. A digest pins the image exactly.
 */
export const rule: Rule = {
  id: 'unpinned-image',
  severity: 'warning',
  description: "an image is not pinned: no tag, or the moving 'latest' tag",
  tags: ['reliability'],
  anchors: [
    'kube-linter latest-tag',
    'Trivy KSV013',
    'hadolint DL3006',
    'hadolint DL3007',
    'checkov CKV_DOCKER_7',
    'Trivy DS001',
    'compose-lint CL-0004',
  ],
  check(file, report) {
    for (const resource of file.resources) {
      if (resource.container && declaresContainer(resource)) {
        checkReference(report, resource, resource.container.image);
      }
      if (resource.image && pullsImage(resource)) {
        checkReference(report, resource, resource.image.reference);
      }
      if (resource.type === 'docker::image') checkEnsureLatest(report, resource);
    }
  },
};

function checkReference(
  report: Report,
  resource: DockerResource,
  fact: Fact<ImageReference> | undefined,
): void {
  if (fact && !fact.known) return checkLatestTag(report, resource);
  if (!fact?.known || fact.value.digest !== undefined) return;
  const { repository, tag, defaultTag } = fact.value;
  if (tag !== undefined && tag !== 'latest') return;
  // A Chef repo that names its own tag asks for 'nginx:1.25:latest': invalid-value says so.
  const named = parseImageReference(repository);
  if (resource.dialect === 'chef' && (named?.tag ?? named?.digest) !== undefined) return;
  // The cookbook's repo defaults to container_name, which 2015 recipes set to another name.
  const image =
    fact.origin.attribute === 'container_name'
      ? `image ${repository} (container_name, as repo is not set)`
      : `image ${repository}`;
  const message =
    tag === undefined
      ? `${image} has no tag, so it runs whatever 'latest' is when pulled`
      : defaultTag
        ? `${image} has no tag, and the docker cookbook takes 'latest'`
        : `${image} is tagged 'latest', which moves with every push`;
  reportFact(report, resource, fact, message, `${repository}:latest`);
}

/**
 * A Chef repo computed at converge time (`repo node['app']['repo']`) leaves the image unknown,
 * but a literal `tag 'latest'` after it is unpinned whatever the repo turns out to be.
 */
function checkLatestTag(report: Report, resource: DockerResource): void {
  if (resource.dialect !== 'chef' || literalText(resource, 'tag') !== 'latest') return;
  const tag = attributeFor(resource, 'tag')!;
  const names = resource.attributes.map(propertyName);
  // A later `image 'repo:tag'` replaces the tag.
  if (names.lastIndexOf('image') > names.lastIndexOf('tag')) return;
  report({
    span: tag.attribute.span,
    message: `image ${resource.name} is tagged 'latest', which moves with every push`,
    resource,
    attribute: tag.attribute.name,
    value: 'latest',
  });
}

/** Only pulls depend on the tag; a build, a load or a removal does not fetch `latest`. */
function pullsImage(resource: DockerResource): boolean {
  if (resource.type === 'docker_image') {
    const actions = chefActions(resource);
    return actions === undefined || actions.some((action) => chefPullActions.includes(action));
  }
  if (resource.type !== 'docker::image' || resource.form !== undefined) return false;
  const source = ['docker_file', 'docker_dir', 'docker_tar'];
  const builds = resource.attributes.some(
    ({ attribute }) => source.includes(attribute.name) && attribute.value.kind !== 'nil',
  );
  return !builds && literalText(resource, 'ensure') !== 'absent';
}

/** `ensure => latest` pulls on every run, whatever the tag. */
function checkEnsureLatest(report: Report, resource: DockerResource): void {
  const ensure = resource.attributes.find(({ attribute }) => attribute.name === 'ensure');
  const value = ensure?.attribute.value;
  if (!ensure || !value || (value.kind !== 'string' && value.kind !== 'symbol')) return;
  if (value.value !== 'latest') return;
  report({
    span: ensure.attribute.span,
    message: `image ${resource.name}: ensure => latest pulls again on every run`,
    resource,
    attribute: 'ensure',
    value: 'latest',
  });
}
