/**
 * The view model of the whole module: everything the templates place, computed from the model
 * in one pass. Notes are collected on the way.
 */
import { basename } from 'node:path';

import { diagnostic } from '../../diagnostics/diagnostic.js';
import { formatPath } from '../../model/validate.js';
import type { Model, YamlPath } from '../../model/types.js';
import { generatedHeader } from '../header.js';
import { puppetComment, type LintCheck } from '../quote/puppet.js';
import { hieraView, type HieraContainer } from './hiera.js';
import { metadataView, type MetadataView } from './metadata.js';
import { Notes } from './notes.js';
import {
  engineView,
  networkViews,
  registryViews,
  standaloneImages,
  volumeViews,
  type RegistryView,
  type ResourceView,
} from './resources-view.js';
import { indexModel } from './run-context.js';
import { containerView, type ContainerView } from './run-view.js';

export interface ModuleView {
  moduleName: string;
  /** The type alias of one entry of `<module>::containers`, e.g. `Codeit::Container`. */
  typeName: string;
  /** The generated-file notice, as `#` comment lines. */
  header: string;
  /** The same notice for Markdown. */
  markdownHeader: string;
  classDocs: string[];
  engine: ResourceView;
  registries: RegistryView[];
  networks: ResourceView[];
  volumes: ResourceView[];
  images: string[];
  containers: ContainerView[];
  hiera: HieraContainer[];
  metadata: MetadataView;
  readme: ReadmeView;
  /** Filled by the renderer with the lint checks exact literals trip. */
  trips: Set<LintCheck>;
  /** The `lint:ignore:...` words wrapping the class body, when a literal needs them. */
  lintIgnore: string;
}

export interface ReadmeView {
  summary: string;
  description: string;
  source: string;
  maintainer: string;
  dockerVersion: string;
  stdlibVersion: string;
  puppetVersion: string;
  engine: string;
  restartText: string;
  containers: { name: string; image: string; restart: string }[];
  secrets: { key: string; usedBy: string }[];
  notes: { where: string; message: string; hint: string }[];
  example: { container: string; tag: string; variable: string };
}

export function moduleView(model: Model): { view: ModuleView; notes: Notes } {
  const notes = new Notes();
  const trips = new Set<LintCheck>();
  const findings = { notes, trips };
  const index = indexModel(model);
  const moduleName = model.puppet.moduleName;
  const source = sourceName(model.file);
  const view: ModuleView = {
    moduleName,
    typeName: typeNameOf(moduleName),
    header: generatedHeader('#', source),
    markdownHeader: generatedHeader('>', source),
    classDocs: classDocs(model),
    engine: engineView(model, findings),
    registries: registryViews(model, findings),
    networks: networkViews(model, findings),
    volumes: volumeViews(model, findings),
    images: standaloneImages(model, findings),
    containers: model.containers.map((container) =>
      containerView(model, index, container, findings),
    ),
    hiera: hieraView(model, notes),
    metadata: metadataView(model),
    readme: readmeView(model, source),
    trips,
    lintIgnore: '',
  };
  view.readme.notes = readmeNotes(notes);
  return { view, notes };
}

/** The berth file's name without its directories, with nothing that could end a comment. */
function sourceName(file: string): string {
  return basename(file).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

function classDocs(model: Model): string[] {
  const { metadata, puppet } = model;
  const name = puppet.moduleName;
  const prose = [metadata.summary, ...(metadata.description ? ['', metadata.description] : [])];
  return [
    `# @summary Runs the Docker containers of ${name} with puppetlabs-docker.`,
    '#',
    ...puppetComment(prose.join('\n').trimEnd()),
    '#',
    ...puppetComment(
      `Each container is declared one by one below. What an environment may change per ` +
        `container (image, tag, digest, environment, enabled) comes from ${name}::containers ` +
        `in the module data, which Hiera merges deeply, so one value can be overridden alone. ` +
        'Secrets are read from their own Hiera keys; the README lists them.',
    ),
    '#',
    `# @param [Hash[String[1], ${typeNameOf(name)}]] containers`,
    ...puppetComment(
      'Per container name: image (repository), tag, digest (optional, wins over the tag), ' +
        'environment (variable name to value) and enabled (false removes the container).',
      100,
      '#   ',
    ),
    '#',
    '# @example Classify a node',
    `#   include ${name}`,
  ];
}

function typeNameOf(moduleName: string): string {
  return `${moduleName[0]!.toUpperCase()}${moduleName.slice(1)}::Container`;
}

function readmeView(model: Model, source: string): ReadmeView {
  const { puppet } = model;
  const first = model.containers[0];
  return {
    summary: model.metadata.summary,
    description: model.metadata.description?.trimEnd() ?? '',
    source,
    maintainer: maintainerText(model),
    dockerVersion: puppet.dockerModuleVersion,
    stdlibVersion: puppet.stdlibVersion,
    puppetVersion: puppet.puppetVersion,
    engine: engineText(model),
    restartText: restartTexts[puppet.restartMode],
    containers: model.containers.map((c) => ({
      name: c.name,
      image: c.image.reference,
      restart: c.restart ? restartText(c.restart) : 'no',
    })),
    secrets: model.secrets.map((secret) => ({
      key: secret.puppet.hiera,
      usedBy: secretUsers(model, secret.name).join(', ') || 'nothing yet',
    })),
    notes: [],
    example: {
      container: first?.name ?? 'web',
      tag: first?.image.tag ?? 'latest',
      variable: first?.environment.find((e) => typeof e.value === 'string')?.name ?? 'LOG_LEVEL',
    },
  };
}

function restartText(restart: NonNullable<Model['containers'][number]['restart']>): string {
  return restart.maxRetries === undefined
    ? restart.policy
    : `${restart.policy}:${restart.maxRetries}`;
}

function maintainerText({ metadata }: Model): string {
  return metadata.maintainerEmail
    ? `${metadata.maintainer} <${metadata.maintainerEmail}>`
    : metadata.maintainer;
}

function engineText({ engine }: Model): string {
  if (!engine.manage) {
    return (
      'The Docker engine must already run on the node: class `docker` is declared with ' +
      'package and service management turned off.'
    );
  }
  const version = engine.version ? ` at version \`${engine.version}\`` : '';
  return `It installs and runs the Docker engine${version} through class \`docker\`.`;
}

const restartTexts: Record<Model['puppet']['restartMode'], string> = {
  systemd:
    'Each container runs under a systemd unit, `docker-<name>.service`, written by ' +
    'puppetlabs-docker. Its start script removes and recreates the container on every start, ' +
    'so any change Puppet makes to a container takes effect when Puppet restarts the unit. ' +
    'systemd restarts a container that stops, according to its restart policy.',
  docker:
    "Docker's own restart policy keeps the containers running (puppetlabs-docker's restart " +
    'mode). Puppet recreates a container only when its image, volumes or published ports ' +
    'change; other changes reach a running container only after it is removed by hand.',
};

function secretUsers(model: Model, secret: string): string[] {
  const registries = model.registries
    .filter((r) => r.password?.secret === secret)
    .map((r) => `registry ${r.name}`);
  const containers = model.containers.flatMap((c) =>
    c.environment
      .filter((e) => typeof e.value !== 'string' && e.value.secret === secret)
      .map((e) => `${c.name} ${e.name}`),
  );
  return [...registries, ...containers];
}

/** Places listed per note in the README; `berth generate` itself reports every one. */
const placesShown = 8;

/**
 * The notes for the README, one entry per distinct message with the places it applies to, so
 * that a difference shared by many containers is explained once.
 */
function readmeNotes(notes: Notes): ReadmeView['notes'] {
  const groups = new Map<string, { note: Notes['list'][number]; paths: YamlPath[] }>();
  for (const note of notes.list) {
    const key = `${note.code}\u0000${Object.values(note.data).join('\u0000')}`;
    const group = groups.get(key);
    if (group) group.paths.push(note.path);
    else groups.set(key, { note, paths: [note.path] });
  }
  return [...groups.values()].map(({ note, paths }) => {
    const text = diagnostic(note.code, note.data);
    return { where: places(paths), message: text.message, hint: text.hint };
  });
}

function places(paths: YamlPath[]): string {
  const shown = paths.slice(0, placesShown).map((path) => `\`${formatPath(path)}\``);
  const more = paths.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
