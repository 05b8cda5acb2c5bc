import type { LineIndex, Span } from '../../diagnostics/position.js';
import type { Attribute, ParseResult, ResourceDeclaration, Value } from '../../parsers/types.js';
import {
  chefTarget,
  meaningOf,
  puppetClass,
  puppetTarget,
  resourceHashes,
  type TargetType,
} from '../targets/index.js';
import { chefCreatingActions } from '../targets/values.js';
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
  /** The tree defines its own `class docker`, which is then not puppetlabs-docker's. */
  siteDockerClass?: boolean;
}

/**
 * The docker resources of one parsed file, in source order. Declarations of other types are
 * left out; so are Puppet helper classes' hashes that are not literal.
 */
export function extractResources(input: ExtractInput): DockerResource[] {
  if (input.source === 'recipe') {
    const notified = notifiedResources(input.parse.resources);
    return input.parse.resources.flatMap((declaration) => {
      const target = chefTarget(declaration.type);
      if (!target) return [];
      const resource = resolve(declaration, target, input, single(declaration));
      const reference = `${declaration.type}[${resource.name}]`;
      if (notified.has(reference) || subscribes(declaration)) resource.triggered = true;
      return [resource];
    });
  }

  const declarations = puppetDeclarations(input);
  const expressions = byExpression(declarations);
  const resources: DockerResource[] = [];
  for (const declaration of declarations) {
    const bodies = expressions.get(expressionKey(declaration))!;
    if (bodies.length > 1 && isDefaultBody(declaration)) continue;
    for (const body of bodiesOf(declaration, bodies)) {
      const target = targetOf(declaration, body.title, input.siteDockerClass === true);
      if (target) resources.push(resolve(declaration, target, input, body));
    }
  }
  return resources;
}

/**
 * What `notifies :redeploy, 'docker_container[web]'` anywhere in the recipe names, when the
 * action creates (a notification to stop or delete does not run the container).
 */
function notifiedResources(declarations: readonly ResourceDeclaration[]): Set<string> {
  const notified = new Set<string>();
  for (const declaration of declarations) {
    for (const attribute of declaration.attributes) {
      const [action, target] = attribute.arguments;
      if (attribute.name === 'notifies' && creates(action) && target?.kind === 'string') {
        notified.add(target.value);
      }
    }
  }
  return notified;
}

/** `subscribes :redeploy, 'docker_image[app]'`: the resource runs when the image changes. */
function subscribes(declaration: ResourceDeclaration): boolean {
  return declaration.attributes.some(
    (attribute) => attribute.name === 'subscribes' && creates(attribute.arguments[0]),
  );
}

function creates(action: Value | undefined): boolean {
  const name = action?.kind === 'symbol' || action?.kind === 'string' ? action.value : undefined;
  return name !== undefined && chefCreatingActions.includes(name);
}

/**
 * Puppet's `* => { 'privileged' => true }` with a literal hash sets those attributes, each
 * found at its key; a splat of anything else stays one attribute, known only at run time.
 */
function splatted(attribute: Attribute): Attribute[] {
  const { name, value } = attribute;
  if (name !== '*' || value.kind !== 'hash') return [attribute];
  if (!value.entries.every(({ key }) => key.kind === 'string')) return [attribute];
  return value.entries.map(({ key, value: entryValue }) => ({
    ...attribute,
    name: (key as Value & { kind: 'string' }).value,
    value: entryValue,
    arguments: [entryValue],
    nameSpan: key.span,
    span: { start: key.span.start, end: entryValue.span.end },
  }));
}

/** One resource of a declaration: `file { ['a', 'b']: }` declares two. */
interface Body {
  title: Value;
  /** Where findings about the whole resource point. */
  head: Span;
  /** Whether the expression declares more resources than this one. */
  shared: boolean;
  /** The attributes of the expression's `default:` body, which apply where this one is silent. */
  inherited: Attribute[];
}

function single(declaration: ResourceDeclaration): Body {
  return { title: declaration.title, head: declaration.typeSpan, shared: false, inherited: [] };
}

/** The bodies of one Puppet resource expression share its span and its type's span. */
function expressionKey(declaration: ResourceDeclaration): string {
  return `${declaration.span.start.offset}:${declaration.typeSpan.start.offset}`;
}

function byExpression(declarations: ResourceDeclaration[]): Map<string, ResourceDeclaration[]> {
  const expressions = new Map<string, ResourceDeclaration[]>();
  for (const declaration of declarations) {
    const key = expressionKey(declaration);
    const bodies = expressions.get(key);
    if (bodies) bodies.push(declaration);
    else expressions.set(key, [declaration]);
  }
  return expressions;
}

/** `docker::run { default: memory_limit => '512m'; 'a': ...; 'b': ... }` */
function isDefaultBody(declaration: ResourceDeclaration): boolean {
  const title = declaration.title;
  return declaration.form === undefined && title.kind === 'symbol' && title.value === 'default';
}

/**
 * The resources a declaration stands for: one per title of an array title (nested arrays
 * flattened, as Puppet does), each found at its title when the expression declares several.
 */
function bodiesOf(declaration: ResourceDeclaration, bodies: ResourceDeclaration[]): Body[] {
  if (bodies.length === 1 && declaration.title.kind !== 'array') return [single(declaration)];
  const defaults = bodies.find(isDefaultBody);
  const set = new Set(declaration.attributes.map((attribute) => attribute.name));
  const inherited = (defaults?.attributes ?? []).filter((attribute) => !set.has(attribute.name));
  return titlesOf(declaration.title).map((title) => ({
    title,
    head: title.span,
    shared: true,
    inherited,
  }));
}

function titlesOf(title: Value): Value[] {
  return title.kind === 'array' ? title.items.flatMap(titlesOf) : [title];
}

/**
 * Whether extraction reads declarations of a Puppet resource type: those of docker types, and
 * every `class { }`, which may declare the docker class or a helper class given a hash.
 */
export function puppetTypeRead(type: string): boolean {
  return type === 'class' || puppetTarget(type) !== undefined;
}

function targetOf(
  declaration: ResourceDeclaration,
  title: Value,
  siteDockerClass: boolean,
): TargetType | undefined {
  if (declaration.type !== 'class') return puppetTarget(declaration.type);
  const target = title.kind === 'string' ? puppetClass(title.value) : undefined;
  return siteDockerClass && target?.type === 'docker' ? undefined : target;
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

function resolve(
  declaration: ResourceDeclaration,
  target: TargetType,
  input: ExtractInput,
  body: Body,
): DockerResource {
  const attributes = [...declaration.attributes, ...body.inherited].flatMap(splatted);
  const resource: DockerResource = {
    kind: target.kind,
    dialect: declaration.dialect,
    source: input.source,
    type: declaration.type,
    title: body.title,
    // `class { '::docker': }` is class docker, as `include ::docker` is.
    name: declaration.type === 'class' ? nameOf(body.title).replace(/^::/, '') : nameOf(body.title),
    declaration,
    headSpan: body.head,
    target,
    attributes: attributes.map((attribute) => ({
      attribute,
      meaning: meaningOf(target, attribute.name),
    })),
  };
  if (body.shared) resource.shared = true;
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
