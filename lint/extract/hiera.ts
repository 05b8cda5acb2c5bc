import { LineIndex } from '../../diagnostics/position.js';
import type { ParseResult, ResourceDeclaration, Value } from '../../parsers/types.js';
import { resourceHashes } from '../targets/index.js';
import { declarationsFromHash, spanning } from './hashes.js';
import { scalarText } from './values.js';
import { readYaml } from './yaml.js';

/** A key of class `docker`'s own parameters, as automatic parameter lookup reads them. */
const CLASS_PARAMETER = /^(?:::)?docker::([a-z][a-z0-9_]*)$/;

/**
 * Reads a Hiera data file into Puppet resource declarations: each `docker::runs`,
 * `docker::run_instance::instance` (and the other hashes of `resourceHashes`) entry is a
 * resource, and the `docker::<parameter>` keys together are a declaration of class `docker`.
 */
export function parseHiera(file: string, text: string, lines = new LineIndex(text)): ParseResult {
  const document = readYaml(text, lines);
  const resources: ResourceDeclaration[] = [];
  const root = document.value;
  if (root?.kind === 'hash') {
    resources.push(...hashResources(root));
    const engine = classParameters(root);
    if (engine) resources.push(engine);
  }
  resources.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { file, resources, comments: document.comments, problems: document.problems };
}

function hashResources(root: Value & { kind: 'hash' }): ResourceDeclaration[] {
  return root.entries.flatMap(({ key, value }) => {
    const type = resourceHashes.get(normalKey(key));
    return type ? declarationsFromHash(type, value) : [];
  });
}

/** `docker::version`, `docker::tcp_bind`...: one declaration of class `docker`, at the first. */
function classParameters(root: Value & { kind: 'hash' }): ResourceDeclaration | undefined {
  const entries = root.entries.filter(({ key }) => {
    const name = normalKey(key);
    return CLASS_PARAMETER.test(name) && !resourceHashes.has(name);
  });
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (!first || !last) return undefined;
  return {
    dialect: 'puppet',
    type: 'class',
    title: { kind: 'string', value: 'docker', span: first.key.span },
    attributes: entries.map(({ key, value }) => ({
      name: CLASS_PARAMETER.exec(normalKey(key))?.[1] ?? '',
      value,
      arguments: [value],
      nameSpan: key.span,
      span: spanning(key.span, value.span),
    })),
    typeSpan: first.key.span,
    span: spanning(first.key.span, last.value.span),
  };
}

function normalKey(key: Value): string {
  return (scalarText(key) ?? '').replace(/^::/, '');
}
