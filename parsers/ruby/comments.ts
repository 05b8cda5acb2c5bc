import type { Node } from 'web-tree-sitter';
import type { Comment } from '../types.js';
import { spanOf } from './spans.js';

/**
 * Every `# ...` line comment and `=begin ... =end` block, with its marker, in file order.
 * Finding them walks the whole tree, so a file whose text holds neither marker is not walked.
 */
export function findComments(root: Node, source: string): Comment[] {
  const comments: Comment[] = [];
  if (!source.includes('#') && !source.includes('=begin')) return comments;
  for (const node of root.descendantsOfType('comment')) {
    if (node)
      comments.push({ text: source.slice(node.startIndex, node.endIndex), span: spanOf(node) });
  }
  return comments;
}
