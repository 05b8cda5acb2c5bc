import type { Node } from 'web-tree-sitter';
import type { Value } from '../types.js';
import { NOT_ITEMS, readPairs, readValue, unknown, type Source } from './values.js';
import { words } from './words.js';
import { endIndexOf, fieldChild, typeOf } from './nodes.js';

/** Words Ruby reserves; tree-sitter can mistake them for method names in broken code. */
const KEYWORDS = words(`
  BEGIN END alias and begin break case class def defined? do else elsif end ensure false
  for if in module next nil not or redo rescue retry return self super then true undef
  unless until when while yield
`);

/**
 * Calls that take a name and a block but are not resources: Chef's own helpers whose blocks
 * run as plain Ruby at converge time, and test DSLs that sometimes sit beside recipes
 * (ChefSpec, InSpec).
 */
const NOT_RESOURCES = words(`
  converge_by lazy only_if not_if proc lambda loop catch define_method describe context it its
  shared_examples include_examples
`);

/** An argument that cannot be a resource name: `action :create do`, `search(:node, ...)`. */
const NOT_A_NAME = words(`
  simple_symbol delimited_symbol pair block_argument splat_argument hash_splat_argument
`);

/** A call written as a bare method name, the form of Chef's resource and property DSL. */
export interface DslCall {
  node: Node;
  name: string;
  nameNode: Node;
  /** Argument nodes, without parentheses and commas. */
  argumentNodes: Node[];
  /** The `do...end` or `{...}` block, if any. */
  block: Node | null;
}

/** Reads `name args` or `name(args) { block }`; null for calls on a receiver (`a.b`). */
export function dslCall(node: Node, source: Source): DslCall | null {
  if (typeOf(node) !== 'call' || fieldChild(node, 'receiver') !== null) return null;
  const nameNode = fieldChild(node, 'method');
  if (!nameNode || typeOf(nameNode) !== 'identifier') return null;
  const name = source.text.slice(nameNode.startIndex, endIndexOf(nameNode));
  if (KEYWORDS.has(name)) return null;
  const argumentList = fieldChild(node, 'arguments');
  const argumentNodes = argumentList ? argumentsOf(argumentList) : [];
  return { node, name, nameNode, argumentNodes, block: fieldChild(node, 'block') };
}

export function argumentsOf(argumentList: Node): Node[] {
  return argumentList.namedChildren.filter(
    (child): child is Node => child !== null && !NOT_ITEMS.has(typeOf(child)),
  );
}

/**
 * The values of a call's arguments. Trailing `key: value` pairs form one hash, as in Ruby. A
 * block (`only_if { ... }`) is code Chef runs later, so it is one more, unknown, argument.
 */
export function readArguments(call: DslCall, source: Source): Value[] {
  const values: Value[] = [];
  let pairs: Node[] = [];
  for (const node of call.argumentNodes) {
    if (typeOf(node) === 'pair') {
      pairs.push(node);
      continue;
    }
    if (pairs.length > 0) values.push(readPairs(pairs, source));
    pairs = [];
    values.push(readValue(node, source));
  }
  if (pairs.length > 0) values.push(readPairs(pairs, source));
  if (call.block) values.push(unknown(call.block, source, 'expression'));
  return values;
}

/**
 * Any bare call with a name argument and a block reads as a resource, since cookbooks define
 * their own; without a block only the docker cookbook's resources count, because a bare
 * `name 'x'` call is as often a helper method as a resource with all defaults.
 */
export function isResourceHead(name: string, args: Node[], hasBlock: boolean): boolean {
  const first = args[0];
  if (!first || NOT_A_NAME.has(typeOf(first)) || NOT_RESOURCES.has(name)) return false;
  return hasBlock || name.startsWith('docker_');
}
