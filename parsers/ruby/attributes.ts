import type { Node } from 'web-tree-sitter';
import type { Attribute } from '../types.js';
import { dslCall, readArguments, type DslCall } from './calls.js';
import { spanOf } from './spans.js';
import type { Source } from './values.js';
import { words } from './words.js';
import { fieldChild, typeOf } from './nodes.js';

/**
 * Constructs whose children may or may not run: a property set inside them is marked
 * `conditional`. The parts listed in CONDITION_FIELDS are the tests, not the body.
 */
const BRANCHES = words(`
  if unless elsif else then case case_match when in_clause while until for do if_modifier
  unless_modifier while_modifier until_modifier rescue_modifier rescue conditional
`);
const CONDITION_FIELDS = new Set(['condition', 'value', 'pattern', 'exceptions', 'variable']);

/** Constructs whose children always run in order, like the block body itself. */
const SEQUENCES = words('body_statement block_body begin ensure parenthesized_statements ERROR');

const SHORT_CIRCUITS = words('&& || and or');

function operatorOf(node: Node): string {
  const operator = fieldChild(node, 'operator');
  return operator ? typeOf(operator) : '';
}

interface Pending {
  node: Node;
  conditional: boolean;
}

/**
 * Reads the property calls in a resource's block, in document order. Assignments
 * (`self.repo = 'x'`, local variables), method definitions and calls on a receiver are not
 * properties and are skipped; a block on a receiver (`%w(a b).each do ... end`) is a loop,
 * and what it sets is conditional.
 */
export function readResourceBody(block: Node, source: Source): Attribute[] {
  return readStatements(fieldChild(block, 'body')?.namedChildren ?? [], source);
}

/** The same, for statements already separated from their block (used when recovering). */
export function readStatements(statements: (Node | null)[], source: Source): Attribute[] {
  const attributes: Attribute[] = [];
  const pending: Pending[] = [];
  pushAll(pending, statements, false);
  for (let next = pending.pop(); next; next = pending.pop()) {
    visit(next, source, attributes, pending);
  }
  return attributes;
}

/** Pushed in reverse, so that popping yields document order. */
function pushAll(pending: Pending[], nodes: (Node | null)[], conditional: boolean): void {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node) pending.push({ node, conditional });
  }
}

function visit(
  { node, conditional }: Pending,
  source: Source,
  out: Attribute[],
  pending: Pending[],
) {
  const type = typeOf(node);
  if (type === 'call') {
    const call = dslCall(node, source);
    if (call) addAttribute(call, conditional, source, out);
    else pushLoopBody(node, pending);
  } else if (BRANCHES.has(type)) {
    pushAll(pending, bodyParts(node), true);
  } else if (SEQUENCES.has(type)) {
    pushAll(pending, node.namedChildren, conditional);
  } else if (type === 'binary' && SHORT_CIRCUITS.has(operatorOf(node))) {
    // `debug && env('DEBUG=1')`: the right side runs only as the left side decides.
    pushAll(pending, [fieldChild(node, 'right')], true);
  }
}

function addAttribute(call: DslCall, conditional: boolean, source: Source, out: Attribute[]) {
  // A bare name without arguments reads a property instead of setting it.
  if (call.argumentNodes.length === 0 && !call.block) return;
  const values = readArguments(call, source);
  out.push({
    name: call.name,
    value: values[0] as Attribute['value'],
    arguments: values,
    ...(conditional ? { conditional: true } : {}),
    nameSpan: spanOf(call.nameNode),
    span: spanOf(call.node),
  });
}

function pushLoopBody(call: Node, pending: Pending[]): void {
  const block = fieldChild(call, 'block');
  const body = block ? fieldChild(block, 'body') : null;
  if (body) pushAll(pending, body.namedChildren, true);
}

function bodyParts(node: Node): Node[] {
  const parts: Node[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    const field = node.fieldNameForChild(i);
    if (child?.isNamed && !(field && CONDITION_FIELDS.has(field))) parts.push(child);
  }
  return parts;
}
