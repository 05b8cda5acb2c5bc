import type { Node } from 'web-tree-sitter';
import type { ResourceDeclaration } from '../types.js';
import { readStatements } from './attributes.js';
import { argumentsOf, dslCall, isResourceHead } from './calls.js';
import { spanFrom, spanOf } from './spans.js';
import { readValue, type Source } from './values.js';
import { fieldChild } from './nodes.js';

const OPENERS = new Set(['do', '{']);
const CLOSERS = new Set(['end', '}']);

/**
 * When a block is broken (a missing `end`, a stray token), tree-sitter wraps the damage in an
 * ERROR node and flattens what it held. Two shapes are common enough to read back:
 * `name 'title' do` laid out as loose tokens inside the ERROR, and a complete `name 'title'`
 * call followed by an ERROR that starts with the orphaned `do`. The statements that follow
 * become the resource's attributes, up to a closing `end`. Other damage is reported as a
 * syntax problem only, and the resources in it are not read.
 */
export function recoverResources(error: Node, source: Source): ResourceDeclaration[] {
  const children = error.children.filter((child): child is Node => child !== null);
  const found: ResourceDeclaration[] = [];
  const orphanedBlock = recoverOrphanedBlock(error, children, source);
  if (orphanedBlock) found.push(orphanedBlock);
  for (let i = 0; i + 2 < children.length; i++) {
    const [name, list, opener] = children.slice(i, i + 3) as [Node, Node, Node];
    if (name.type !== 'identifier' || list.type !== 'argument_list') continue;
    if (!OPENERS.has(opener.type)) continue;
    const resource = recover(name, argumentsOf(list), children.slice(i + 3), source);
    if (resource) found.push(resource);
  }
  return found;
}

function recoverOrphanedBlock(error: Node, children: Node[], source: Source) {
  const previous = error.previousSibling;
  if (!OPENERS.has(children[0]?.type ?? '') || previous?.type !== 'call') return null;
  const call = dslCall(previous, source);
  if (!call || call.block) return null;
  return recover(call.nameNode, call.argumentNodes, children.slice(1), source);
}

/**
 * `end` or `}`; in broken code tree-sitter may also read `end` as a method call that swallows
 * the next resource (`end docker_image 'b' do ... end`), which ends the body as well.
 */
function closesBlock(node: Node, source: Source): boolean {
  if (!node.isNamed) return CLOSERS.has(node.type);
  const method = node.type === 'call' ? fieldChild(node, 'method') : null;
  return method !== null && source.text.slice(method.startIndex, method.endIndex) === 'end';
}

function recover(
  nameNode: Node,
  args: Node[],
  rest: Node[],
  source: Source,
): ResourceDeclaration | null {
  const name = source.text.slice(nameNode.startIndex, nameNode.endIndex);
  if (!isResourceHead(name, args, true)) return null;
  const closerIndex = rest.findIndex((node) => closesBlock(node, source));
  const body = closerIndex === -1 ? rest : rest.slice(0, closerIndex);
  const closer = rest[closerIndex];
  const last = closer && !closer.isNamed ? closer : body[body.length - 1];
  return {
    dialect: 'chef',
    type: name,
    title: readValue(args[0] as Node, source),
    attributes: readStatements(body, source),
    typeSpan: spanOf(nameNode),
    span: spanFrom(nameNode, last ?? (args[args.length - 1] as Node)),
  };
}
