import type { LineIndex } from '../../diagnostics/position.js';
import type { ParseResult, ResourceDeclaration, Value } from '../../parsers/types.js';
import {
  chefTarget,
  meaningOf,
  puppetClass,
  puppetTarget,
  resourceHashes,
  type TargetType,
} from '../targets/index.js';
import { chefContainer, chefImage, chefRegistry } from './chef.js';
import { declarationsFromHash } from './hashes.js';
import { includedClasses, isInclude } from './includes.js';
import { puppetContainer, puppetImage, puppetRegistry } from './puppet.js';
import type { DockerResource, SourceKind } from './types.js';
import { scalarText } from './values.js';

export type * from './types.js';
export { parseHiera } from './hiera.js';
export { mayIncludeDocker } from './includes.js';

export interface ExtractInput {
  parse: ParseResult;
  source: SourceKind;
  text: string;
  lines: LineIndex;
}

/**
 * The docker resources of one parsed file, in source order. Declarations of other types are
 * left out; so are Puppet helper classes' hashes that are not literal.
 */
export function extractResources(input: ExtractInput): DockerResource[] {
  const declarations =
    input.source === 'recipe' ? input.parse.resources : puppetDeclarations(input);
  const resources: DockerResource[] = [];
  for (const declaration of declarations) {
    const target = targetOf(declaration);
    if (target) resources.push(resolve(declaration, target, input));
  }
  return resources;
}

/**
 * Whether extraction reads declarations of a Puppet resource type: those of docker types, and
 * every `class { }`, which may declare the docker class or a helper class given a hash.
 */
export function puppetTypeRead(type: string): boolean {
  return type === 'class' || puppetTarget(type) !== undefined;
}

function targetOf(declaration: ResourceDeclaration): TargetType | undefined {
  if (declaration.dialect === 'chef') return chefTarget(declaration.type);
  if (declaration.type !== 'class') return puppetTarget(declaration.type);
  const title = declaration.title.kind === 'string' ? declaration.title.value : undefined;
  return title === undefined ? undefined : puppetClass(title);
}

/**
 * A manifest's declarations, plus `include docker` (a class declared without attributes) and
 * the resources a helper class declares from a literal hash, as in
 * `class { 'docker::run_instance': instance => { 'web' => { image => 'nginx' } } }`.
 */
function puppetDeclarations(input: ExtractInput): ResourceDeclaration[] {
  const declarations = [...input.parse.resources];
  if (input.source === 'manifest') declarations.push(...includedClasses(input));
  for (const declaration of input.parse.resources) {
    declarations.push(...helperHashDeclarations(declaration));
  }
  return declarations.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

function helperHashDeclarations(declaration: ResourceDeclaration): ResourceDeclaration[] {
  if (declaration.type !== 'class' || declaration.title.kind !== 'string') return [];
  const owner = declaration.title.value.replace(/^::/, '');
  return declaration.attributes.flatMap((attribute) => {
    const type = resourceHashes.get(`${owner}::${attribute.name}`);
    return type ? declarationsFromHash(type, attribute.value) : [];
  });
}

function resolve(declaration: ResourceDeclaration, target: TargetType, input: ExtractInput) {
  const resource: DockerResource = {
    kind: target.kind,
    dialect: declaration.dialect,
    source: input.source,
    type: declaration.type,
    title: declaration.title,
    name: nameOf(declaration.title),
    declaration,
    target,
    attributes: declaration.attributes.map((attribute) => ({
      attribute,
      meaning: meaningOf(target, attribute.name),
    })),
  };
  if (declaration.form) resource.form = declaration.form;
  if (isInclude(declaration)) resource.form = 'include';
  addFacts(resource, input);
  return resource;
}

function addFacts(resource: DockerResource, input: ExtractInput): void {
  const chef = resource.dialect === 'chef';
  if (resource.type === 'docker_container') resource.container = chefContainer(resource);
  if (resource.type === 'docker::run') resource.container = puppetContainer(resource, input);
  if (resource.type === 'docker_image') resource.image = chefImage(resource);
  if (resource.type === 'docker::image') resource.image = puppetImage(resource);
  if (resource.kind === 'registry') {
    resource.registry = chef ? chefRegistry(resource) : puppetRegistry(resource);
  }
}

/** The title for messages and fingerprints: the literal, or the source text. */
export function nameOf(title: Value): string {
  if (title.kind === 'array') return title.items.map(nameOf).join(', ');
  if (title.kind === 'unknown') return title.text;
  return scalarText(title) ?? title.kind;
}
