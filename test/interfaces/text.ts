/** A pattern matching text that contains each fragment, literally and in this order. */
export function inOrder(...fragments: string[]): RegExp {
  const escaped = fragments.map((fragment) => fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('[\\s\\S]*'));
}
