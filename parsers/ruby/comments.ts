import type { Node } from 'web-tree-sitter';
import type { Comment } from '../types.js';
import { spanOf } from './spans.js';

/** Every `# ...` line comment and `=begin ... =end` block, with its marker, in file order. */
export function findComments(root: Node, source: string): Comment[] {
  const comments: Comment[] = [];
  for (const node of root.descendantsOfType('comment')) {
    if (node)
      comments.push({ text: source.slice(node.startIndex, node.endIndex), span: spanOf(node) });
  }
  return comments;
}
