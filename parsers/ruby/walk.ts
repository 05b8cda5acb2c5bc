import type { Node, TreeCursor } from 'web-tree-sitter';

/**
 * Visits `root` and its descendants in document order without recursion, so that deeply
 * nested input (tree-sitter happily builds trees 20,000 levels deep) cannot overflow the
 * stack. `enter` sees each node through the cursor and answers whether to visit its children.
 */
export function walk(root: Node, enter: (cursor: TreeCursor) => boolean): void {
  const cursor = root.walk();
  try {
    let descend = enter(cursor);
    for (;;) {
      if (descend && cursor.gotoFirstChild()) {
        descend = enter(cursor);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
      descend = enter(cursor);
    }
  } finally {
    cursor.delete();
  }
}
