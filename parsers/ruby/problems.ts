import type { Node } from 'web-tree-sitter';
import type { SyntaxProblem } from '../types.js';
import { spanOf } from './spans.js';

/**
 * Syntax errors as tree-sitter marks them: an ERROR node around text it could not fit, or a
 * zero-width MISSING node where it assumed a token. An ERROR with damaged parts inside is
 * reported through those parts, since the innermost damage is closest to the mistake.
 * Subtrees without errors are not entered, so a clean file costs one check.
 */
export function findProblems(root: Node, source: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const pending: Node[] = root.hasError ? [root] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.isMissing) {
      problems.push({ message: `syntax error: missing "${node.type}"`, span: spanOf(node) });
      continue;
    }
    const damaged = node.children.filter((child): child is Node => child?.hasError === true);
    if (node.isError && damaged.length === 0) {
      problems.push({ message: describeError(node, source), span: spanOf(node) });
    }
    for (const child of damaged) pending.push(child);
  }
  return problems;
}

/**
 * Names the first token tree-sitter could not place; an opener without its closer (the
 * commonest slip in a recipe, a `do` without `end`) is named as such.
 */
function describeError(node: Node, source: string): string {
  const tokens = node.children.filter((child): child is Node => child !== null);
  const opener = tokens.find((child) => !child.isNamed && child.type === 'do');
  if (opener && !tokens.some((child) => !child.isNamed && child.type === 'end')) {
    return `syntax error: "do" on line ${opener.startPosition.row + 1} has no matching "end"`;
  }
  const first = firstLeaf(node);
  const text = source.slice(first.startIndex, first.endIndex).split('\n')[0]?.trim() ?? '';
  if (text === '') return 'syntax error';
  return `syntax error: unexpected "${text.length > 30 ? `${text.slice(0, 30)}…` : text}"`;
}

function firstLeaf(node: Node): Node {
  let leaf = node;
  while (leaf.firstChild) leaf = leaf.firstChild;
  return leaf;
}
