import type { Node, TreeCursor } from 'web-tree-sitter';
import type { ResourceDeclaration, SyntaxProblem } from '../types.js';
import { readResourceBody } from './attributes.js';
import { dslCall, isResourceHead, type DslCall } from './calls.js';
import { recoverResources } from './recovery.js';
import { spanOf } from './spans.js';
import { knowType, typeOf } from './nodes.js';
import { readValue, type Source } from './values.js';
import { words } from './words.js';
import { walk } from './walk.js';

/** Chef's generic forms that name the resource type as a symbol: `declare_resource(:x, 'y')`. */
const DECLARE_METHODS = new Set(['declare_resource', 'edit_resource', 'edit_resource!']);

/** Code that is not a recipe's DSL context: classes and modules define, they do not declare. */
const NOT_SEARCHED = words(`
  class module singleton_class comment string heredoc_body string_array symbol_array regex
  subshell
`);

/**
 * Keywords that tree-sitter's grammar, more lenient than Ruby, accepts as plain names when
 * they stand alone (a stray `end`). Ruby rejects them, so they are syntax problems.
 */
const STRAY_KEYWORDS = words('end else elsif when ensure rescue then do');
const KEYWORD_START = new RegExp([...STRAY_KEYWORDS].join('|'), 'y');

export interface Scan {
  resources: ResourceDeclaration[];
  strayKeywords: SyntaxProblem[];
}

/**
 * Finds every resource declaration in a file: at top level, under conditionals, loops,
 * `begin`, method definitions and blocks of other calls (`node['apps'].each do ... end`),
 * but not inside another resource's block, whose Ruby runs at converge time.
 */
export function findResources(root: Node, source: Source): Scan {
  const found: ResourceDeclaration[] = [];
  const strayKeywords: SyntaxProblem[] = [];
  walk(root, (cursor) => {
    const type = cursor.nodeType;
    if (type === 'call') {
      const node = cursor.currentNode;
      knowType(node, type);
      const resource = readResource(node, source);
      if (resource) found.push(resource);
      return resource === null;
    }
    if (type === 'identifier' && isStrayKeyword(cursor, source)) {
      const keyword = source.text.slice(cursor.startIndex, cursor.endIndex);
      const span = spanOf(cursor.currentNode);
      strayKeywords.push({ message: `syntax error: unexpected "${keyword}"`, span });
    }
    if (type === 'ERROR') found.push(...recoverResources(cursor.currentNode, source));
    return !NOT_SEARCHED.has(type);
  });
  return { resources: inDocumentOrder(found), strayKeywords };
}

/** A method name after a dot (`x.class`, `range.end`) is fine; a bare keyword is not. */
function isStrayKeyword(cursor: TreeCursor, source: Source): boolean {
  // Most names do not even start like a keyword, which spares asking where they end.
  const start = cursor.startIndex;
  KEYWORD_START.lastIndex = start;
  if (!KEYWORD_START.test(source.text)) return false;
  const name = source.text.slice(start, cursor.endIndex);
  if (!STRAY_KEYWORDS.has(name)) return false;
  const field = cursor.currentFieldName;
  return field !== 'method' && field !== 'name';
}

/** Recovery may find a resource whose head the normal walk saw too: the recovered one wins. */
function inDocumentOrder(found: ResourceDeclaration[]): ResourceDeclaration[] {
  const byStart = new Map<number, ResourceDeclaration>();
  for (const resource of found) byStart.set(resource.span.start.offset, resource);
  return [...byStart.values()].sort((a, b) => a.span.start.offset - b.span.start.offset);
}

export function readResource(node: Node, source: Source): ResourceDeclaration | null {
  const call = dslCall(node, source);
  if (!call) return null;
  if (DECLARE_METHODS.has(call.name)) return readDeclared(call, source);
  if (!isResourceHead(call.name, call.argumentNodes, call.block !== null)) return null;
  if (!call.block && startsBrokenBlock(node)) return null;
  if (isArgument(node)) return null;
  return {
    dialect: 'chef',
    type: call.name,
    title: readValue(call.argumentNodes[0] as Node, source),
    attributes: call.block ? readResourceBody(call.block, source) : [],
    typeSpan: spanOf(call.nameNode),
    span: spanOf(node),
  };
}

/**
 * A call given to another call is a value, not a declaration: InSpec's
 * `describe docker_container('web') do` looks the container up on a node. Its blocks are still
 * searched, as the walk goes on into it.
 */
function isArgument(node: Node): boolean {
  const parent = node.parent;
  return parent !== null && typeOf(parent) === 'argument_list';
}

/** A head whose `do` tree-sitter could not attach (the block is broken): recovery reads it. */
function startsBrokenBlock(node: Node): boolean {
  const next = node.nextSibling;
  const opener = next?.type === 'ERROR' ? next.firstChild?.type : undefined;
  return opener === 'do' || opener === '{';
}

function readDeclared(call: DslCall, source: Source): ResourceDeclaration | null {
  const [typeNode, titleNode] = call.argumentNodes;
  if (typeNode?.type !== 'simple_symbol' || !titleNode) return null;
  const declaration: ResourceDeclaration = {
    dialect: 'chef',
    type: source.text.slice(typeNode.startIndex + 1, typeNode.endIndex),
    title: readValue(titleNode, source),
    attributes: call.block ? readResourceBody(call.block, source) : [],
    typeSpan: spanOf(typeNode),
    span: spanOf(call.node),
  };
  // `edit_resource` changes a resource declared elsewhere, as a Puppet override does.
  if (call.name !== 'declare_resource') declaration.form = 'override';
  return declaration;
}
