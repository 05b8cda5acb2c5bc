import type { Node } from 'web-tree-sitter';
import type { Position, Span } from '../../diagnostics/position.js';
import { endPointOf } from './nodes.js';

/**
 * web-tree-sitter hands a JavaScript string to the parser as UTF-16, so its indices and
 * columns already count UTF-16 code units, like the rest of berth. Rows and columns start at
 * 0 there and at 1 here.
 */
export function startOf(node: Node): Position {
  const { row, column } = node.startPosition;
  return { line: row + 1, column: column + 1, offset: node.startIndex };
}

export function endOf(node: Node): Position {
  const { row, column, index } = endPointOf(node);
  return { line: row + 1, column: column + 1, offset: index };
}

export function spanOf(node: Node): Span {
  return { start: startOf(node), end: endOf(node) };
}

/** From the start of `first` to the end of `last`. */
export function spanFrom(first: Node, last: Node): Span {
  return { start: startOf(first), end: endOf(last) };
}
