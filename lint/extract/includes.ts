import type { ResourceDeclaration } from '../../parsers/types.js';
import type { ExtractInput } from './index.js';

/**
 * `include docker`, `contain '::docker'`, `require(docker)`: the first argument only. Puppet
 * reads them as function calls, not resources, so the text is searched; matches inside
 * comments are dropped. `include foo, docker` (docker not first) is not seen.
 */
const INCLUDE_DOCKER = new RegExp(
  String.raw`(?<![\w:$])(?:include|contain|require)\b[ \t]*\(?[ \t]*` +
    String.raw`(?<name>(?<quote>['"]?)(?:::)?docker\k<quote>)(?![\w:-])`,
  'dg',
);

const included = new WeakSet<ResourceDeclaration>();

/** Whether a declaration stands for an `include` rather than a `class { }` body. */
export function isInclude(declaration: ResourceDeclaration): boolean {
  return included.has(declaration);
}

/**
 * Whether a manifest may include the docker class: every match spells `docker`. Looking for
 * the word first skips the slow search (its look-behind is tried at every offset), and the
 * comments, in the many manifests that never name it.
 */
export function mayIncludeDocker(text: string): boolean {
  return text.includes('docker');
}

export function includedClasses(input: ExtractInput): ResourceDeclaration[] {
  const found: ResourceDeclaration[] = [];
  if (!mayIncludeDocker(input.text)) return found;
  for (const match of input.text.matchAll(INCLUDE_DOCKER)) {
    const [start, end] = match.indices![0]!;
    const [nameStart, nameEnd] = match.indices!.groups!.name!;
    if (inComment(input, start)) continue;
    const span = input.lines.span(start, end);
    const declaration: ResourceDeclaration = {
      dialect: 'puppet',
      type: 'class',
      title: { kind: 'string', value: 'docker', span: input.lines.span(nameStart, nameEnd) },
      attributes: [],
      typeSpan: span,
      span,
    };
    included.add(declaration);
    found.push(declaration);
  }
  return found;
}

function inComment(input: ExtractInput, offset: number): boolean {
  return input.parse.comments.some(
    (comment) => comment.span.start.offset <= offset && offset < comment.span.end.offset,
  );
}
