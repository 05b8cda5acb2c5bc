import type { Language, Node, Tree } from 'web-tree-sitter';

/**
 * Each read of a node's type or end crosses from JavaScript into WebAssembly and back, which
 * costs more than the rest of reading a recipe, and the same node is asked about several times
 * (as a statement, a call, an argument, a value). The answers are kept per tree, by node id,
 * which is unique within a tree; end positions are worked out from the text instead.
 */
interface TreeFacts {
  text: string;
  types: Map<number, string>;
  ends: Map<number, number>;
  /** Offsets where lines start, built when a position is first asked for. */
  lineStarts: number[] | undefined;
}

const trees = new WeakMap<Tree, TreeFacts>();

/** Lets the functions below answer from JavaScript for the nodes of `tree`, parsed from `text`. */
export function remember(tree: Tree, text: string): void {
  trees.set(tree, { text, types: new Map(), ends: new Map(), lineStarts: undefined });
}

export function forget(tree: Tree): void {
  trees.delete(tree);
}

export function typeOf(node: Node): string {
  const facts = trees.get(node.tree);
  if (!facts) return node.type;
  let type = facts.types.get(node.id);
  if (type === undefined) {
    type = node.type;
    facts.types.set(node.id, type);
  }
  return type;
}

/** Records a type already read another way (through a cursor), so that it is not read again. */
export function knowType(node: Node, type: string): void {
  trees.get(node.tree)?.types.set(node.id, type);
}

export function endIndexOf(node: Node): number {
  const facts = trees.get(node.tree);
  if (!facts) return node.endIndex;
  let end = facts.ends.get(node.id);
  if (end === undefined) {
    end = node.endIndex;
    facts.ends.set(node.id, end);
  }
  return end;
}

/**
 * Where a node ends, as tree-sitter counts it: rows are separated by `\n` alone, and columns
 * count UTF-16 code units from the row's start (web-tree-sitter hands the text over as UTF-16).
 */
export function endPointOf(node: Node): { row: number; column: number; index: number } {
  const facts = trees.get(node.tree);
  if (!facts) return { ...node.endPosition, index: node.endIndex };
  const index = endIndexOf(node);
  facts.lineStarts ??= lineStartsOf(facts.text);
  const row = rowAt(facts.lineStarts, index);
  return { row, column: index - (facts.lineStarts[row] as number), index };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    starts.push(at + 1);
  }
  return starts;
}

/** The last line that starts at or before `index`. */
function rowAt(starts: number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

const fieldIds = new WeakMap<Language, Map<string, number>>();

/** `node.childForFieldName(name)`, without looking the name up among the grammar's fields. */
export function fieldChild(node: Node, name: string): Node | null {
  const language = node.tree.language;
  let ids = fieldIds.get(language);
  if (!ids) {
    ids = new Map();
    fieldIds.set(language, ids);
  }
  let id = ids.get(name);
  if (id === undefined) {
    id = language.fields.indexOf(name);
    ids.set(name, id);
  }
  return id === -1 ? null : node.childForFieldId(id);
}
